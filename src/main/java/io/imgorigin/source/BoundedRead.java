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

    static SourceTooLargeException tooLarge(String key, long maxBytes) {
        return new SourceTooLargeException("Source '" + key + "' is larger than " + maxBytes + " bytes");
    }
}
