package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * A Windows or OS/2 bitmap: the info header gives the size (a negative height means rows run top
 * down) and whether a 32-bit image's fourth byte is alpha (only when a bit-field header says so).
 * An uncompressed bitmap shorter than its rows is refused here: decoded at a reduced scale it would
 * otherwise fail or pass depending on which rows the reduction happens to read.
 */
final class BmpHeaderParser {

    private static final int OS2_V1 = 12;
    private static final int BI_BITFIELDS = 3;
    private static final int BI_ALPHABITFIELDS = 6;
    private static final int BI_RGB = 0;

    private BmpHeaderParser() {
    }

    static boolean matches(byte[] data) {
        return HeaderBytes.startsWith(data, 0, "BM");
    }

    static ImageHeader parse(byte[] data) {
        long infoSize = HeaderBytes.u32le(data, 14, "BMP");
        long width;
        long height;
        int bitsPerPixel;
        boolean alpha = false;
        long compression = BI_RGB;
        if (infoSize == OS2_V1) {
            width = HeaderBytes.u16le(data, 18, "BMP");
            height = HeaderBytes.u16le(data, 20, "BMP");
            bitsPerPixel = HeaderBytes.u16le(data, 24, "BMP");
        } else if (infoSize >= 16 && infoSize <= 4096) {
            width = (int) HeaderBytes.u32le(data, 18, "BMP");
            height = Math.abs((long) (int) HeaderBytes.u32le(data, 22, "BMP"));
            bitsPerPixel = HeaderBytes.u16le(data, 28, "BMP");
            if (infoSize >= 40) {
                compression = HeaderBytes.u32le(data, 30, "BMP");
                boolean masks = compression == BI_ALPHABITFIELDS || compression == BI_BITFIELDS && infoSize >= 56;
                alpha = bitsPerPixel == 32 && masks && HeaderBytes.u32le(data, 14 + 52, "BMP") != 0;
            }
        } else {
            throw new UnusableImageException("the BMP info header has an unknown size (" + infoSize + ")");
        }
        int w = HeaderBytes.side(width, "BMP");
        int h = HeaderBytes.side(height, "BMP");
        if (bitsPerPixel != 1 && bitsPerPixel != 2 && bitsPerPixel != 4 && bitsPerPixel != 8 && bitsPerPixel != 16
                && bitsPerPixel != 24 && bitsPerPixel != 32 && bitsPerPixel != 64) {
            throw new UnusableImageException("the BMP declares " + bitsPerPixel + " bits per pixel");
        }
        if (compression == BI_RGB || compression == BI_BITFIELDS || compression == BI_ALPHABITFIELDS) {
            requireRows(data, w, h, bitsPerPixel);
        }
        return new ImageHeader(SourceFormat.BMP, w, h, HeaderBytes.area(w, h), 1, 1, null, alpha);
    }

    /**
     * Rows are padded to four bytes and start where the file header's offset points; the last row's
     * padding may be missing, as some writers leave it out and every decoder reads such files.
     */
    private static void requireRows(byte[] data, int width, int height, int bitsPerPixel) {
        long offset = HeaderBytes.u32le(data, 10, "BMP");
        long rowBytes = ((long) width * bitsPerPixel + 7) / 8;
        long stride = (rowBytes + 3) / 4 * 4;
        long needed = offset + stride * (height - 1) + rowBytes;
        if (needed > data.length) {
            throw new UnusableImageException("the BMP is truncated: its rows end at byte " + needed
                    + " but the file has " + data.length);
        }
    }
}
