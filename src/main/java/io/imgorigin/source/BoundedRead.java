package io.imgorigin.source;

import java.io.IOException;
import java.io.InputStream;

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
     * Like {@link #readAtMost}, but for a body whose length the store declared: one array of that size is
     * filled directly (no chunk list to join), then one more read must find the end. A declared length
     * over the limit is refused before reading.
     *
     * @throws SourceStoreException when the body ends before the declared length or goes on past it: the
     *                              store's answer is broken, and the bytes are not the object's
     */
    static byte[] readDeclared(InputStream in, long declared, long maxBytes, String key) throws IOException {
        if (declared < 0) {
            throw new IllegalArgumentException("declared must not be negative: " + declared);
        }
        if (declared > maxBytes || declared >= MAX_ARRAY) {
            throw tooLarge(key, maxBytes);
        }
        byte[] bytes = new byte[(int) declared];
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length) {
            throw new SourceStoreException("The store's body for '" + key + "' ended after " + read + " of the "
                    + declared + " bytes it declared");
        }
        if (in.read() >= 0) {
            throw new SourceStoreException("The store's body for '" + key + "' is longer than the " + declared
                    + " bytes it declared");
        }
        return bytes;
    }

    static SourceTooLargeException tooLarge(String key, long maxBytes) {
        return new SourceTooLargeException("Source '" + key + "' is larger than " + maxBytes + " bytes");
    }
}
