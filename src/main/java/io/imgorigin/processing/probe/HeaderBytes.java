package io.imgorigin.processing.probe;

import io.imgorigin.codec.png.PngChunks;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Bounds-checked reads of unsigned integers from a header. A read past the end is a truncated or
 * corrupt header (422), never an index exception.
 */
public final class HeaderBytes {

    private HeaderBytes() {
    }

    static void require(byte[] data, long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > data.length || length > data.length - offset) {
            throw new UnusableImageException("the " + what + " header is truncated or corrupt");
        }
    }

    static int u8(byte[] data, long offset, String what) {
        require(data, offset, 1, what);
        return data[(int) offset] & 0xFF;
    }

    static int u16be(byte[] data, long offset, String what) {
        require(data, offset, 2, what);
        int i = (int) offset;
        return (data[i] & 0xFF) << 8 | data[i + 1] & 0xFF;
    }

    static int u16le(byte[] data, long offset, String what) {
        require(data, offset, 2, what);
        int i = (int) offset;
        return (data[i + 1] & 0xFF) << 8 | data[i] & 0xFF;
    }

    public static int u24le(byte[] data, long offset, String what) {
        require(data, offset, 3, what);
        int i = (int) offset;
        return (data[i + 2] & 0xFF) << 16 | (data[i + 1] & 0xFF) << 8 | data[i] & 0xFF;
    }

    public static long u32be(byte[] data, long offset, String what) {
        require(data, offset, 4, what);
        return Integer.toUnsignedLong(PngChunks.u32(data, (int) offset));
    }

    public static long u32le(byte[] data, long offset, String what) {
        return (long) u16le(data, offset + 2, what) << 16 | u16le(data, offset, what);
    }

    public static boolean startsWith(byte[] data, long offset, String ascii) {
        if (offset < 0 || offset + ascii.length() > data.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[(int) offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A side length that an image can have: 1 to {@link Integer#MAX_VALUE}. */
    static int side(long value, String what) {
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new UnusableImageException("the " + what + " header declares an invalid size (" + value + ")");
        }
        return (int) value;
    }

    /** width × height, with both already validated as positive ints: at most 2^62, so it cannot overflow. */
    static long area(int width, int height) {
        return Math.multiplyExact((long) width, (long) height);
    }
}
