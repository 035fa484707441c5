package io.imgorigin.processing.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;

/**
 * Some writers give an uncompressed BMP an info header of a size no version defines (e.g. 66 bytes).
 * Its first 40 bytes are still the classic BITMAPINFOHEADER, and for uncompressed pixels the rest says
 * nothing the decoder needs, yet the Java readers refuse the unknown size. Rewritten with the classic
 * header, such a file decodes as lenient decoders show it.
 */
final class BmpInfoHeaders {

    private static final int FILE_HEADER = 14;
    private static final int CLASSIC = 40;
    private static final Set<Integer> KNOWN_SIZES = Set.of(12, 16, 40, 52, 56, 64, 108, 124);
    private static final int BI_RGB = 0;

    private BmpInfoHeaders() {
    }

    /** The same file with a classic info header when its own has an unknown size; otherwise the input. */
    static byte[] normalised(byte[] bmp) {
        if (bmp.length < FILE_HEADER + CLASSIC) {
            return bmp;
        }
        ByteBuffer in = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        int headerSize = in.getInt(FILE_HEADER);
        int compression = in.getInt(FILE_HEADER + 16);
        long pixelOffset = Integer.toUnsignedLong(in.getInt(10));
        long headerEnd = FILE_HEADER + (long) headerSize;
        if (KNOWN_SIZES.contains(headerSize) || headerSize < CLASSIC || compression != BI_RGB
                || headerEnd > bmp.length || pixelOffset < headerEnd) {
            return bmp;
        }
        int removed = headerSize - CLASSIC;
        byte[] out = new byte[bmp.length - removed];
        System.arraycopy(bmp, 0, out, 0, FILE_HEADER + CLASSIC);
        System.arraycopy(bmp, (int) headerEnd, out, FILE_HEADER + CLASSIC, bmp.length - (int) headerEnd);
        ByteBuffer header = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(2, out.length);
        header.putInt(10, (int) (pixelOffset - removed));
        header.putInt(FILE_HEADER, CLASSIC);
        return header.array();
    }
}
