package io.imgorigin.codec.png;

import javax.imageio.IIOException;

import io.imgorigin.codec.VectorModule;

/**
 * Undoes PNG's per-row filters in place on inflated image data: each row is a filter type byte followed
 * by {@code rowBytes} filtered bytes, which become the row's samples. Every predictor keeps one running
 * value per byte of a pixel in locals, so the bytes of a pixel are independent chains the processor can
 * overlap. The Paeth filter, which most encoders choose for photographs, has its own loop for RGBA, and
 * a vector one where the JVM allows it.
 */
public final class ScanlineFilters {

    private static final int NONE = 0;
    private static final int SUB = 1;
    private static final int UP = 2;
    private static final int AVERAGE = 3;
    private static final int PAETH = 4;


    private ScanlineFilters() {
    }

    /**
     * @param bytesPerPixel bytes of one pixel, 1 to 8 (a byte for depths under 8 bits)
     */
    public static void reverse(byte[] data, int rows, int rowBytes, int bytesPerPixel) throws IIOException {
        reverse(data, rows, rowBytes, bytesPerPixel, VectorModule.PRESENT);
    }

    /** @param vectors whether to use {@link VectorPaeth}, which needs the vector module */
    static void reverse(byte[] data, int rows, int rowBytes, int bytesPerPixel, boolean vectors) throws IIOException {
        int stride = rowBytes + 1;
        for (int y = 0; y < rows; y++) {
            int row = y * stride + 1;
            int filter = data[row - 1];
            boolean first = y == 0;
            switch (filter) {
                case NONE -> {
                }
                case SUB -> sub(data, row, rowBytes, bytesPerPixel);
                case UP -> {
                    if (!first) {
                        up(data, row, row - stride, rowBytes);
                    }
                }
                case AVERAGE -> {
                    if (first) {
                        averageFirstRow(data, row, rowBytes, bytesPerPixel);
                    } else {
                        average(data, row, row - stride, rowBytes, bytesPerPixel);
                    }
                }
                case PAETH -> {
                    // Above the first row everything is zero, which makes Paeth pick the left byte: Sub.
                    if (first) {
                        sub(data, row, rowBytes, bytesPerPixel);
                    } else if (bytesPerPixel == 4 && vectors) {
                        VectorPaeth.reverse4(data, row, row - stride, rowBytes);
                    } else if (bytesPerPixel == 4) {
                        paeth4(data, row, row - stride, rowBytes);
                    } else {
                        paeth(data, row, row - stride, rowBytes, bytesPerPixel);
                    }
                }
                default -> throw new IIOException("PNG row " + y + " has the unknown filter type " + filter);
            }
        }
    }

    private static void sub(byte[] d, int row, int rowBytes, int bpp) {
        for (int i = bpp; i < rowBytes; i++) {
            d[row + i] += d[row + i - bpp];
        }
    }

    private static void up(byte[] d, int row, int above, int rowBytes) {
        for (int i = 0; i < rowBytes; i++) {
            d[row + i] += d[above + i];
        }
    }

    private static void averageFirstRow(byte[] d, int row, int rowBytes, int bpp) {
        for (int i = bpp; i < rowBytes; i++) {
            d[row + i] += (byte) ((d[row + i - bpp] & 0xFF) >> 1);
        }
    }

    private static void average(byte[] d, int row, int above, int rowBytes, int bpp) {
        for (int i = 0; i < bpp; i++) {
            d[row + i] += (byte) ((d[above + i] & 0xFF) >> 1);
        }
        for (int i = bpp; i < rowBytes; i++) {
            d[row + i] += (byte) (((d[row + i - bpp] & 0xFF) + (d[above + i] & 0xFF)) >> 1);
        }
    }

    private static void paeth(byte[] d, int row, int above, int rowBytes, int bpp) {
        for (int i = 0; i < bpp; i++) {
            d[row + i] += d[above + i];
        }
        for (int i = bpp; i < rowBytes; i++) {
            d[row + i] += (byte) predict(d[row + i - bpp] & 0xFF, d[above + i] & 0xFF, d[above + i - bpp] & 0xFF);
        }
    }

    /** Four bytes per pixel, the left and upper-left pixel's bytes carried in locals. */
    private static void paeth4(byte[] d, int row, int above, int rowBytes) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        for (int i = row, j = above, end = row + rowBytes; i < end; i += 4, j += 4) {
            int b0 = d[j] & 0xFF;
            int b1 = d[j + 1] & 0xFF;
            int b2 = d[j + 2] & 0xFF;
            int b3 = d[j + 3] & 0xFF;
            a0 = d[i] + predict(a0, b0, c0) & 0xFF;
            a1 = d[i + 1] + predict(a1, b1, c1) & 0xFF;
            a2 = d[i + 2] + predict(a2, b2, c2) & 0xFF;
            a3 = d[i + 3] + predict(a3, b3, c3) & 0xFF;
            d[i] = (byte) a0;
            d[i + 1] = (byte) a1;
            d[i + 2] = (byte) a2;
            d[i + 3] = (byte) a3;
            c0 = b0;
            c1 = b1;
            c2 = b2;
            c3 = b3;
        }
    }

    /** Paeth's predictor: of left, above and upper-left, the one nearest to left + above - upper-left. */
    static int predict(int a, int b, int c) {
        int pa = Math.abs(b - c);
        int pb = Math.abs(a - c);
        int pc = Math.abs(a + b - 2 * c);
        int bc = pb <= pc ? b : c;
        return pa <= Math.min(pb, pc) ? a : bc;
    }
}
