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
    static final int LENGTH = PngChunks.SIGNATURE_LENGTH + 8 + PngChunks.IHDR_LENGTH;

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
        Optional<PngChunks.Chunk> ihdr = PngChunks.imageHeader(bytes);
        if (ihdr.isEmpty()) {
            return Optional.empty();
        }
        int at = ihdr.get().offset();
        int width = PngChunks.u32(bytes, at);
        int height = PngChunks.u32(bytes, at + 4);
        int bitDepth = bytes[at + 8] & 0xFF;
        int colorType = bytes[at + 9] & 0xFF;
        int compression = bytes[at + 10];
        int filter = bytes[at + 11];
        int interlace = bytes[at + 12];
        // u32 values above 2^31 - 1 read as negative: PNG forbids them too.
        boolean valid = width > 0 && height > 0 && allowed(bitDepth, colorType) && compression == 0 && filter == 0
                && (interlace == 0 || interlace == ADAM7);
        return valid ? Optional.of(new PngHeader(width, height, bitDepth, colorType, interlace != 0))
                : Optional.empty();
    }

    public boolean hasAlphaChannel() {
        return hasAlphaChannel(colorType);
    }

    public static boolean hasAlphaChannel(int colorType) {
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
}
