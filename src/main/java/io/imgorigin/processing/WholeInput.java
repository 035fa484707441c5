package io.imgorigin.processing;

import java.io.IOException;
import java.util.Arrays;

import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStream;

/** The whole of an ImageIO input as one array, for native readers that decode from memory. */
public final class WholeInput {

    private static final int READ_CHUNK = 64 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private WholeInput() {
    }

    /**
     * The input from {@code start} to its end. Bytes already held in one array are used as they are (the
     * caller must only read them); a stream that knows its length is read into an array of exactly that
     * size; otherwise the array grows as needed and is trimmed once at the end.
     *
     * @param format names the input in the error for one too large for an array
     */
    public static byte[] read(ImageInputStream stream, long start, String format) throws IOException {
        if (stream instanceof ByteArrayImageInputStream inMemory) {
            return inMemory.bytesFrom(start);
        }
        stream.seek(start);
        long length = stream.length();
        if (length >= start && length - start <= MAX_ARRAY) {
            byte[] bytes = new byte[(int) (length - start)];
            stream.readFully(bytes);
            return bytes;
        }
        byte[] bytes = new byte[READ_CHUNK];
        int size = 0;
        int n;
        while ((n = stream.read(bytes, size, bytes.length - size)) > 0) {
            size += n;
            if (size == bytes.length) {
                if (size == MAX_ARRAY) {
                    throw new IIOException("the " + format + " is larger than " + MAX_ARRAY + " bytes");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) size * 2, MAX_ARRAY));
            }
        }
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
