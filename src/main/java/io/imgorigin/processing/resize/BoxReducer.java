package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.util.Arrays;

import io.imgorigin.codec.VectorModule;

/**
 * Averages whole blocks of kx×ky pixels: exact area averaging, the cheap first part of a large
 * reduction. Colour is averaged weighted by alpha (as premultiplied values would be) and stored
 * straight again. Blocks are aligned to the image's top-left corner; the last block of a row or
 * column may be short.
 *
 * <p>Each row of blocks first sums its source rows column by column (a plain loop over the row that
 * the compiler can vectorise when it reads and writes at the same index), then adds up kx column sums
 * per block.
 */
final class BoxReducer {

    private static final int MAX_PACKED_BLOCK = 257;

    private BoxReducer() {
    }

    /** Blocks {@code [bx, bx+bw) × [by, by+bh)} of the source, each the average of its pixels. */
    static PixelBuffer reduce(PixelBuffer source, int kx, int ky, int bx, int by, int bw, int bh) {
        return reduce(source, kx, ky, bx, by, bw, bh, VectorModule.PRESENT);
    }

    /** @param vectors whether 2×2 blocks may use {@link VectorHalving}, which needs the vector module */
    static PixelBuffer reduce(PixelBuffer source, int kx, int ky, int bx, int by, int bw, int bh, boolean vectors) {
        if (!source.alpha() && kx * ky <= MAX_PACKED_BLOCK) {
            return packedOpaque(source, kx, ky, bx, by, bw, bh, vectors);
        }
        return weighted(source, kx, ky, bx, by, bw, bh);
    }

    /**
     * Any block size, with or without alpha: colour is summed as colour×alpha (alpha taken as 255
     * without an alpha channel), so transparent pixels do not tint the average.
     */
    private static PixelBuffer weighted(PixelBuffer source, int kx, int ky, int bx, int by, int bw, int bh) {
        boolean hasAlpha = source.alpha();
        PixelBuffer out = PixelBuffer.allocate(bw, bh, hasAlpha);
        int x0 = bx * kx;
        int span = Math.min((bx + bw) * kx, source.width()) - x0;
        long[] red = new long[span];
        long[] green = new long[span];
        long[] blue = new long[span];
        long[] alpha = new long[span];
        int[] data = source.data();
        int[] target = out.data();
        int opaque = hasAlpha ? 0 : 0xFF000000;
        int fullBlocks = Math.min(bw, span / kx);
        for (int row = 0; row < bh; row++) {
            int y0 = (by + row) * ky;
            int y1 = Math.min(y0 + ky, source.height());
            if (hasAlpha && kx == 2 && y1 - y0 == 2) {
                int upper = source.index(x0, y0);
                int lower = upper + source.stride();
                int to = row * bw;
                for (int col = 0; col < fullBlocks; col++) {
                    int x = 2 * col;
                    target[to + col] = weightedMean(data[upper + x], data[upper + x + 1], data[lower + x],
                            data[lower + x + 1], 4);
                }
                if (fullBlocks < bw) {
                    // The last block of an odd width holds two pixels; transparent zeros stand in for the rest.
                    target[to + fullBlocks] = weightedMean(data[upper + span - 1], data[lower + span - 1], 0, 0, 2);
                }
                continue;
            }
            Arrays.fill(red, 0);
            Arrays.fill(green, 0);
            Arrays.fill(blue, 0);
            Arrays.fill(alpha, 0);
            for (int y = y0; y < y1; y++) {
                int base = source.index(x0, y);
                for (int x = 0; x < span; x++) {
                    int p = data[base + x] | opaque;
                    int pa = p >>> 24;
                    red[x] += (p >> 16 & 0xFF) * pa;
                    green[x] += (p >> 8 & 0xFF) * pa;
                    blue[x] += (p & 0xFF) * pa;
                    alpha[x] += pa;
                }
            }
            int rows = y1 - y0;
            int outBase = row * bw;
            for (int col = 0; col < bw; col++) {
                int from = col * kx;
                int to = Math.min(from + kx, span);
                long r = 0;
                long g = 0;
                long b = 0;
                long a = 0;
                for (int x = from; x < to; x++) {
                    r += red[x];
                    g += green[x];
                    b += blue[x];
                    a += alpha[x];
                }
                if (a == 0) {
                    target[outBase + col] = 0;
                    continue;
                }
                long n = (long) rows * (to - from);
                long half = a / 2;
                int meanAlpha = hasAlpha ? (int) ((a + n / 2) / n) : 0xFF;
                target[outBase + col] = meanAlpha << 24 | (int) ((r + half) / a) << 16
                        | (int) ((g + half) / a) << 8 | (int) ((b + half) / a);
            }
        }
        return out;
    }

    /**
     * The alpha-weighted mean of a 2×2 block of pixels with alpha, {@code n} of which are real, in int
     * arithmetic (four colour×alpha products fit easily), rounded as {@link #weighted} rounds.
     */
    private static int weightedMean(int p0, int p1, int p2, int p3, int n) {
        int a0 = p0 >>> 24;
        int a1 = p1 >>> 24;
        int a2 = p2 >>> 24;
        int a3 = p3 >>> 24;
        int a = a0 + a1 + a2 + a3;
        if (a == 0) {
            return 0;
        }
        int r = (p0 >> 16 & 0xFF) * a0 + (p1 >> 16 & 0xFF) * a1 + (p2 >> 16 & 0xFF) * a2 + (p3 >> 16 & 0xFF) * a3;
        int g = (p0 >> 8 & 0xFF) * a0 + (p1 >> 8 & 0xFF) * a1 + (p2 >> 8 & 0xFF) * a2 + (p3 >> 8 & 0xFF) * a3;
        int b = (p0 & 0xFF) * a0 + (p1 & 0xFF) * a1 + (p2 & 0xFF) * a2 + (p3 & 0xFF) * a3;
        int half = a / 2;
        return (a + n / 2) / n << 24 | quotient(r + half, a) << 16 | quotient(g + half, a) << 8
                | quotient(b + half, a);
    }

    /** {@code x / a} for an alpha sum a of up to four pixels and x below 2^19, by a multiplication. */
    static int quotient(int x, int a) {
        return (int) (x * RECIPROCALS[a] >>> 32);
    }

    /**
     * ceil(2^32 / a) for every alpha sum a of four pixels: {@code floor(x × ceil(2^32 / a) / 2^32)} is
     * exactly {@code x / a} while x × a stays below 2^32, and x, a rounded colour×alpha sum, is under 2^19.
     * Never written after it is built.
     */
    private static final long[] RECIPROCALS = reciprocals(4 * 255);

    private static long[] reciprocals(int max) {
        long[] table = new long[max + 1];
        for (int a = 1; a <= max; a++) {
            table[a] = ((1L << 32) + a - 1) / a;
        }
        return table;
    }

    /**
     * Opaque pixels summed two channels at a time: red and blue in the two 16-bit halves of one int,
     * which cannot carry over while a block has at most 257 pixels.
     */
    private static PixelBuffer packedOpaque(PixelBuffer source, int kx, int ky, int bx, int by, int bw, int bh,
                                            boolean vectors) {
        PixelBuffer out = PixelBuffer.allocate(bw, bh, false);
        int x0 = bx * kx;
        int span = Math.min((bx + bw) * kx, source.width()) - x0;
        int[] redBlue = new int[span];
        int[] green = new int[span];
        int[] line = new int[span];
        int[] data = source.data();
        int[] target = out.data();
        int fullBlocks = Math.min(bw, span / kx);
        for (int row = 0; row < bh; row++) {
            int y0 = (by + row) * ky;
            int y1 = Math.min(y0 + ky, source.height());
            int base = source.index(x0, y0);
            int outBase = row * bw;
            if (kx == 2 && y1 - y0 == 2) {
                halveRows(data, base, base + source.stride(), target, outBase, fullBlocks, vectors);
                if (fullBlocks < bw) {
                    target[outBase + fullBlocks] = meanOfTwo(data[base + span - 1], data[base + source.stride() + span - 1]);
                }
                continue;
            }
            System.arraycopy(data, base, redBlue, 0, span);
            for (int x = 0; x < span; x++) {
                int p = redBlue[x];
                redBlue[x] = p & 0xFF00FF;
                green[x] = p & 0xFF00;
            }
            for (int y = y0 + 1; y < y1; y++) {
                base += source.stride();
                // Copied first so that the loop reads and writes at the same index, which HotSpot vectorises.
                System.arraycopy(data, base, line, 0, span);
                for (int x = 0; x < span; x++) {
                    int p = line[x];
                    redBlue[x] += p & 0xFF00FF;
                    green[x] += p & 0xFF00;
                }
            }
            int rows = y1 - y0;
            Divider full = new Divider(rows * kx);
            for (int col = 0; col < fullBlocks; col++) {
                target[outBase + col] = full.mean(redBlue, green, col * kx, kx);
            }
            for (int col = fullBlocks; col < bw; col++) {
                int from = col * kx;
                int width = Math.min(kx, span - from);
                target[outBase + col] = new Divider(rows * width).mean(redBlue, green, from, width);
            }
        }
        return out;
    }

    /**
     * 2×2 blocks, the most common reduction (what is left of 3× to 6× after a 1/2 JPEG decode), straight
     * from two source rows. The sums of four samples fit in 10 bits, so red and blue share an int; adding
     * half the divisor and shifting the whole int right by two leaves each rounded mean at its channel's
     * place, with the bits below it masked off. Same results as {@link Divider}.
     */
    private static void halveRows(int[] data, int upper, int lower, int[] target, int to, int blocks,
                                  boolean vectors) {
        int col = vectors ? VectorHalving.halveRows(data, upper, lower, target, to, blocks) : 0;
        for (; col < blocks; col++) {
            int a = data[upper + 2 * col];
            int b = data[upper + 2 * col + 1];
            int c = data[lower + 2 * col];
            int d = data[lower + 2 * col + 1];
            int redBlue = (a & 0xFF00FF) + (b & 0xFF00FF) + (c & 0xFF00FF) + (d & 0xFF00FF) + 0x20002;
            int green = (a & 0xFF00) + (b & 0xFF00) + (c & 0xFF00) + (d & 0xFF00) + 0x200;
            target[to + col] = 0xFF000000 | redBlue >>> 2 & 0xFF00FF | green >>> 2 & 0xFF00;
        }
    }

    /** The rounded mean of two opaque pixels, as {@link #halveRows} computes four. */
    private static int meanOfTwo(int a, int b) {
        int redBlue = (a & 0xFF00FF) + (b & 0xFF00FF) + 0x10001;
        int green = (a & 0xFF00) + (b & 0xFF00) + 0x100;
        return 0xFF000000 | redBlue >>> 1 & 0xFF00FF | green >>> 1 & 0xFF00;
    }

    /**
     * Rounded division of block sums by the block's pixel count n, as a multiplication: with sums
     * below 2^17 and n at most 257, {@code floor(s × ceil(2^32 / n) / 2^32)} is exactly {@code s / n}.
     */
    private record Divider(int half, long reciprocal) {

        Divider(int n) {
            this(n / 2, ((1L << 32) + n - 1) / n);
        }

        int mean(int[] redBlue, int[] green, int from, int width) {
            int rb = 0;
            int g = 0;
            for (int x = from, end = from + width; x < end; x++) {
                rb += redBlue[x];
                g += green[x];
            }
            int r = divide((rb >>> 16) + half);
            int b = divide((rb & 0xFFFF) + half);
            int gg = divide((g >>> 8) + half);
            return 0xFF000000 | r << 16 | gg << 8 | b;
        }

        private int divide(int sum) {
            return (int) (sum * reciprocal >>> 32);
        }
    }
}
