package io.imgorigin.processing.transform;

/**
 * Averages whole blocks of kx×ky pixels: exact area averaging, the cheap first part of a large
 * reduction. Colour is averaged weighted by alpha (as premultiplied values would be) and stored
 * straight again. Blocks are aligned to the image's top-left corner; the last block of a row or
 * column may be short.
 */
final class BoxReducer {

    private static final int MAX_PACKED_BLOCK = 257;

    private BoxReducer() {
    }

    /** Blocks {@code [bx, bx+bw) × [by, by+bh)} of the source, each the average of its pixels. */
    static PixelBuffer reduce(PixelBuffer source, int kx, int ky, int bx, int by, int bw, int bh) {
        if (!source.alpha() && kx * ky <= MAX_PACKED_BLOCK) {
            return packedOpaque(source, kx, ky, bx, by, bw, bh);
        }
        PixelBuffer out = PixelBuffer.allocate(bw, bh, source.alpha());
        long[] red = new long[bw];
        long[] green = new long[bw];
        long[] blue = new long[bw];
        long[] alpha = new long[bw];
        int[] data = source.data();
        for (int row = 0; row < bh; row++) {
            int y0 = (by + row) * ky;
            int y1 = Math.min(y0 + ky, source.height());
            java.util.Arrays.fill(red, 0);
            java.util.Arrays.fill(green, 0);
            java.util.Arrays.fill(blue, 0);
            java.util.Arrays.fill(alpha, 0);
            for (int y = y0; y < y1; y++) {
                int base = source.index(0, y);
                for (int col = 0; col < bw; col++) {
                    int x0 = (bx + col) * kx;
                    int x1 = Math.min(x0 + kx, source.width());
                    long r = 0;
                    long g = 0;
                    long b = 0;
                    long a = 0;
                    if (source.alpha()) {
                        for (int x = x0; x < x1; x++) {
                            int p = data[base + x];
                            int pa = p >>> 24;
                            r += (p >> 16 & 0xFF) * pa;
                            g += (p >> 8 & 0xFF) * pa;
                            b += (p & 0xFF) * pa;
                            a += pa;
                        }
                    } else {
                        for (int x = x0; x < x1; x++) {
                            int p = data[base + x];
                            r += p >> 16 & 0xFF;
                            g += p >> 8 & 0xFF;
                            b += p & 0xFF;
                        }
                    }
                    red[col] += r;
                    green[col] += g;
                    blue[col] += b;
                    alpha[col] += a;
                }
            }
            int outBase = row * bw;
            int rows = y1 - y0;
            for (int col = 0; col < bw; col++) {
                int x0 = (bx + col) * kx;
                long n = (long) rows * (Math.min(x0 + kx, source.width()) - x0);
                // With alpha, colour is weighted by it: transparent pixels do not tint the average.
                long divisor = source.alpha() ? alpha[col] : n;
                int a = source.alpha() ? (int) ((alpha[col] + n / 2) / n) : 0xFF;
                if (divisor == 0) {
                    out.data()[outBase + col] = 0;
                    continue;
                }
                int r = (int) ((red[col] + divisor / 2) / divisor);
                int g = (int) ((green[col] + divisor / 2) / divisor);
                int b = (int) ((blue[col] + divisor / 2) / divisor);
                out.data()[outBase + col] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /**
     * Opaque pixels summed two channels at a time: red and blue in the two 16-bit halves of one int,
     * which cannot carry over while a block has at most 257 pixels.
     */
    private static PixelBuffer packedOpaque(PixelBuffer source, int kx, int ky, int bx, int by, int bw, int bh) {
        PixelBuffer out = PixelBuffer.allocate(bw, bh, false);
        int[] redBlue = new int[bw];
        int[] green = new int[bw];
        int[] data = source.data();
        int[] target = out.data();
        int width = source.width();
        for (int row = 0; row < bh; row++) {
            int y0 = (by + row) * ky;
            int y1 = Math.min(y0 + ky, source.height());
            java.util.Arrays.fill(redBlue, 0);
            java.util.Arrays.fill(green, 0);
            for (int y = y0; y < y1; y++) {
                int base = source.index(0, y);
                for (int col = 0, x0 = bx * kx; col < bw; col++, x0 += kx) {
                    int x1 = Math.min(x0 + kx, width);
                    int rb = 0;
                    int g = 0;
                    for (int x = base + x0, end = base + x1; x < end; x++) {
                        int p = data[x];
                        rb += p & 0xFF00FF;
                        g += p & 0xFF00;
                    }
                    redBlue[col] += rb;
                    green[col] += g;
                }
            }
            int rows = y1 - y0;
            for (int col = 0, x0 = bx * kx; col < bw; col++, x0 += kx) {
                int n = rows * (Math.min(x0 + kx, width) - x0);
                int half = n / 2;
                int r = ((redBlue[col] >>> 16) + half) / n;
                int b = ((redBlue[col] & 0xFFFF) + half) / n;
                int g = ((green[col] >>> 8) + half) / n;
                target[row * bw + col] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

}
