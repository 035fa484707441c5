package io.imgorigin.codec.png;


import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

/**
 * The signature and IHDR chunk that open every PNG: enough to claim a file, size the image and choose
 * how to decode it. Only combinations the PNG specification allows are accepted; anything else is left
 * to the pure-Java reader and its error messages.
 */
public record PngHeader(int width, int height, int bitDepth, int colorType, boolean interlaced) {

    /** Signature, IHDR length and type, and its 13 bytes of data; the CRC is libspng's to check. */
    static final int LENGTH = 8 + 8 + 13;

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int GRAY_ALPHA = 4;
    private static final int RGB_ALPHA = 6;
    /** Interlace method 1, the only one PNG defines besides none. */
    private static final int ADAM7 = 1;

    public static Optional<PngHeader> read(ImageInputStream stream) throws IOException {
        byte[] bytes = new byte[LENGTH];
        try {
            stream.readFully(bytes);
        } catch (EOFException e) {
            return Optional.empty();
        }
        return parse(bytes);
    }

    public static Optional<PngHeader> parse(byte[] bytes) {
        if (bytes.length < LENGTH || u64(bytes, 0) != SIGNATURE || u32(bytes, 8) != 13 || u32(bytes, 12) != IHDR) {
            return Optional.empty();
        }
        int width = u32(bytes, 16);
        int height = u32(bytes, 20);
        int bitDepth = bytes[24] & 0xFF;
        int colorType = bytes[25] & 0xFF;
        int compression = bytes[26];
        int filter = bytes[27];
        int interlace = bytes[28];
        // u32 values above 2^31 - 1 read as negative: PNG forbids them too.
        boolean valid = width > 0 && height > 0 && allowed(bitDepth, colorType) && compression == 0 && filter == 0
                && (interlace == 0 || interlace == ADAM7);
        return valid ? Optional.of(new PngHeader(width, height, bitDepth, colorType, interlace != 0)) : Optional.empty();
    }

    public boolean hasAlphaChannel() {
        return colorType == GRAY_ALPHA || colorType == RGB_ALPHA;
    }

    public boolean sixteenBit() {
        return bitDepth == 16;
    }

    private static boolean allowed(int bitDepth, int colorType) {
        return switch (colorType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, GRAY_ALPHA, RGB_ALPHA -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
    }

    /** The big-endian 32-bit value at {@code offset}, as PNG stores lengths, types and sizes. */
    static int u32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | bytes[offset + 3] & 0xFF;
    }

    private static long u64(byte[] bytes, int offset) {
        return (long) u32(bytes, offset) << 32 | u32(bytes, offset + 4) & 0xFFFFFFFFL;
    }
}
