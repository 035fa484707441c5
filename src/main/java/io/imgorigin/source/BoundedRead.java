package io.imgorigin.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a whole body without ever holding more than the limit plus one byte. */
final class BoundedRead {

    /** The largest array the JVM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private BoundedRead() {
    }

    /**
     * The stream's bytes up to its end.
     *
     * @throws SourceTooLargeException when the stream holds more than {@code maxBytes}; the stream is
     *                                 then left part-read, for the caller to abort or close
     */
    static byte[] readAtMost(InputStream in, long maxBytes, String key) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        // One byte past the limit is enough to tell "exactly at the limit" from "over it".
        int want = (int) Math.min(maxBytes + 1, MAX_ARRAY);
        byte[] bytes = in.readNBytes(want);
        if (bytes.length > maxBytes || bytes.length == MAX_ARRAY) {
            throw tooLarge(key, maxBytes);
        }
        return bytes;
    }

    /**
     * Like {@link #readAtMost}, but when the store declared the length: one array of that size is filled
     * directly (no chunk list to join), then one more read must find the end. A body that is longer or
     * shorter than declared still gives exactly its bytes, or the same refusal.
     */
    static byte[] readDeclared(InputStream in, long declared, long maxBytes, String key) throws IOException {
        if (declared < 0 || declared > maxBytes || declared >= MAX_ARRAY) {
            return readAtMost(in, maxBytes, key);
        }
        byte[] bytes = new byte[(int) declared];
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length) {
            return Arrays.copyOf(bytes, read);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = readAtMost(in, maxBytes - declared - 1, key);
        byte[] whole = Arrays.copyOf(bytes, Math.addExact(bytes.length + 1, rest.length));
        whole[bytes.length] = (byte) next;
        System.arraycopy(rest, 0, whole, bytes.length + 1, rest.length);
        return whole;
    }

    static SourceTooLargeException tooLarge(String key, long maxBytes) {
        return new SourceTooLargeException("Source '" + key + "' is larger than " + maxBytes + " bytes");
    }
}
