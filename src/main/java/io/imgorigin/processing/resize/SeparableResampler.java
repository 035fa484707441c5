package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.util.Arrays;

import io.imgorigin.codec.VectorModule;

/**
 * Applies precomputed weights to a packed buffer, a strip of output rows at a time: vertically first,
 * then horizontally.
 *
 * <p>Every multiply-add loop reads and writes its arrays at the same index. HotSpot vectorises such a
 * loop; one that reads an array at an offset from where it writes another it leaves scalar, because the
 * two might be the same array. So source rows
 * are first unpacked into one array per channel ({@link SourceRows}), the vertical pass adds up whole
 * unpacked rows for a strip of output rows, and that result is stored transposed, one small array per
 * source column holding that column's values for the strip's rows, which the horizontal pass adds up
 * the same way. With the vector module, {@link VectorResampling} does the transpose and the horizontal
 * pass instead, with the same results.
 *
 * <p>Opaque channels keep 8 extra fractional bits between the passes so that rounding happens once.
 * With alpha, colour is premultiplied as it is unpacked (so transparent pixels add nothing to their
 * neighbours' colour) and kept as colour×alpha, 16 bits, between the passes; the output is
 * un-premultiplied from the full-precision sums.
 */
final class SeparableResampler {

    private static final int BITS = ResampleWeights.BITS;
    private static final int STRIP = 64;
    private static final int TILE = 16;
    private static final int ALPHA_SHIFT = BITS - 8;
    /** Strips are padded to whole blocks of the vector loops (8×8 transposes, a vector of rows). */
    private static final int ROW_BLOCK = 16;
    private static final boolean VECTORS = VectorModule.PRESENT && VectorResampling.suits(ROW_BLOCK);

    private SeparableResampler() {
    }

    /** @param source straight (not premultiplied) alpha when it has alpha */
    static PixelBuffer resample(PixelBuffer source, ResampleWeights horizontal, ResampleWeights vertical) {
        return resample(source, horizontal, vertical, VECTORS);
    }

    /** @param vectors whether to use {@link VectorResampling}, which needs the vector module */
    static PixelBuffer resample(PixelBuffer source, ResampleWeights horizontal, ResampleWeights vertical,
                                boolean vectors) {
        int outHeight = vertical.start().length;
        int strip = Math.min(STRIP, outHeight);
        int padded = Math.ceilDiv(strip, ROW_BLOCK) * ROW_BLOCK;
        boolean alpha = source.alpha();
        int channels = alpha ? 4 : 3;
        int[] shifts = new int[channels];
        for (int c = 0; c < channels; c++) {
            shifts[c] = shiftBetweenPasses(c, alpha);
        }
        SourceRows rows = new SourceRows(source, vertical.taps());
        int[][][] rowSums = new int[padded][channels][source.width()];
        PixelBuffer out = PixelBuffer.allocate(horizontal.start().length, outHeight, alpha);
        Taps taps = new Taps(Math.max(horizontal.taps(), vertical.taps()));
        StripPass pass = vectors
                ? new VectorResampling(horizontal, out, source.width(), padded, shifts)
                : new ScalarStrips(horizontal, out, source.width(), strip, shifts, taps);
        for (int first = 0; first < outHeight; first += strip) {
            int count = Math.min(strip, outHeight - first);
            for (int j = 0; j < count; j++) {
                vertical(rows, vertical, first + j, rowSums[j], alpha, taps);
            }
            pass.finish(rowSums, count, first);
        }
        return out;
    }

    /** The rest of a strip's way after the vertical pass: a transpose, then the horizontal pass. */
    interface StripPass {

        /**
         * Writes output rows {@code first..first+count-1} from the vertical pass's sums for them
         * ({@code rowSums[j][channel][x]}, with half of the bits dropped between the passes added).
         */
        void finish(int[][][] rowSums, int count, int first);
    }

    /** The scalar transpose and horizontal pass, which HotSpot vectorises by itself where it can. */
    private static final class ScalarStrips implements StripPass {

        private final ResampleWeights weights;
        private final PixelBuffer out;
        private final int[] shifts;
        private final Taps taps;
        private final int[][][] columns;
        private final int[][] sums;

        ScalarStrips(ResampleWeights weights, PixelBuffer out, int width, int strip, int[] shifts, Taps taps) {
            this.weights = weights;
            this.out = out;
            this.shifts = shifts;
            this.taps = taps;
            this.columns = new int[shifts.length][width][strip];
            this.sums = new int[shifts.length][strip];
        }

        @Override
        public void finish(int[][][] rowSums, int count, int first) {
            for (int c = 0; c < shifts.length; c++) {
                transpose(rowSums, c, count, shifts[c], columns[c]);
            }
            horizontal(weights, columns, count, sums, out, first, taps);
        }
    }

    /** Output row {@code j} of the vertical pass: per channel, the weighted sum of whole unpacked rows. */
    private static void vertical(SourceRows rows, ResampleWeights weights, int j, int[][] rowSums, boolean alpha,
                                 Taps taps) {
        int at = j * weights.taps();
        int start = weights.start()[j];
        for (int c = 0; c < rowSums.length; c++) {
            // The rounding half of the bits dropped between the passes is added up front.
            Arrays.fill(rowSums[c], 1 << (shiftBetweenPasses(c, alpha) - 1));
        }
        int n = 0;
        for (int t = 0; t < weights.taps(); t++) {
            int w = weights.weights()[at + t];
            if (w != 0) {
                taps.rows[n] = rows.row(start + t);
                taps.weights[n++] = w;
            }
        }
        for (int c = 0; c < rowSums.length; c++) {
            for (int k = 0; k < n; k++) {
                taps.values[k] = taps.rows[k][c];
            }
            accumulate(rowSums[c], taps, n, rowSums[c].length);
        }
    }

    /** Opaque colour and alpha keep 8 fractional bits; premultiplied colour is 16 bits wide and keeps none. */
    private static int shiftBetweenPasses(int channel, boolean alpha) {
        return alpha && channel < 3 ? BITS : ALPHA_SHIFT;
    }

    /**
     * Stores channel {@code c} of the strip's rows column by column, a tile of columns at a time: every
     * store goes to another column's array, and within a tile those arrays stay in the cache for all the
     * strip's rows (storing a whole row at a time took a third of a 12 MP resize).
     */
    private static void transpose(int[][][] rowSums, int c, int count, int shift, int[][] columns) {
        int width = columns.length;
        for (int from = 0; from < width; from += TILE) {
            int to = Math.min(width, from + TILE);
            for (int j = 0; j < count; j++) {
                int[] row = rowSums[j][c];
                for (int x = from; x < to; x++) {
                    columns[x][j] = row[x] >> shift;
                }
            }
        }
    }

    /** The horizontal pass over a strip of {@code count} rows, one output column at a time. */
    private static void horizontal(ResampleWeights weights, int[][][] columns, int count, int[][] sums,
                                   PixelBuffer out, int first, Taps scratch) {
        boolean alpha = out.alpha();
        int[] starts = weights.start();
        int[] w = weights.weights();
        int taps = weights.taps();
        int[] target = out.data();
        int outWidth = out.width();
        int shift = BITS + 8;
        for (int i = 0; i < outWidth; i++) {
            for (int[] sum : sums) {
                Arrays.fill(sum, 0, count, alpha ? 0 : 1 << (shift - 1));
            }
            for (int c = 0; c < sums.length; c++) {
                int n = 0;
                for (int t = 0; t < taps; t++) {
                    int weight = w[i * taps + t];
                    if (weight != 0) {
                        scratch.values[n] = columns[c][starts[i] + t];
                        scratch.weights[n++] = weight;
                    }
                }
                accumulate(sums[c], scratch, n, count);
            }
            int[] r = sums[0];
            int[] g = sums[1];
            int[] b = sums[2];
            if (alpha) {
                int[] a = sums[3];
                for (int j = 0, at = first * outWidth + i; j < count; j++, at += outWidth) {
                    target[at] = unpremultiply(r[j], g[j], b[j], a[j]);
                }
            } else {
                for (int j = 0, at = first * outWidth + i; j < count; j++, at += outWidth) {
                    target[at] = 0xFF000000 | clamp(r[j] >> shift) << 16 | clamp(g[j] >> shift) << 8
                            | clamp(b[j] >> shift);
                }
            }
        }
    }

    /**
     * Adds the {@code n} weighted arrays of {@code taps} to {@code sum}, four at a time: one pass over the
     * sum for four products loads and stores it a quarter as often (int arithmetic wraps the same in any
     * order, so the result is that of adding them one by one).
     */
    private static void accumulate(int[] sum, Taps taps, int n, int length) {
        int[][] v = taps.values;
        int[] w = taps.weights;
        int t = 0;
        for (; t + 4 <= n; t += 4) {
            multiplyAdd4(sum, v[t], w[t], v[t + 1], w[t + 1], v[t + 2], w[t + 2], v[t + 3], w[t + 3], length);
        }
        for (; t < n; t++) {
            multiplyAdd(sum, v[t], w[t], length);
        }
    }

    private static void multiplyAdd4(int[] sum, int[] a, int wa, int[] b, int wb, int[] c, int wc, int[] d, int wd,
                                     int length) {
        for (int x = 0; x < length; x++) {
            sum[x] += wa * a[x] + wb * b[x] + wc * c[x] + wd * d[x];
        }
    }

    private static void multiplyAdd(int[] sum, int[] values, int weight, int length) {
        for (int x = 0; x < length; x++) {
            sum[x] += weight * values[x];
        }
    }

    /** The non-zero taps of one output sample: their source rows (vertical pass), arrays and weights. */
    private static final class Taps {

        final int[][][] rows;
        final int[][] values;
        final int[] weights;

        Taps(int capacity) {
            this.rows = new int[capacity][][];
            this.values = new int[capacity][];
            this.weights = new int[capacity];
        }
    }

    /**
     * Colour sums are colour×alpha scaled by 2^14, the alpha sum is alpha scaled by 2^22, so colour is
     * {@code sum × 256 / alphaSum}.
     */
    private static int unpremultiply(int r, int g, int b, int a) {
        int alpha = clamp((a + (1 << (BITS + 7))) >> (BITS + 8));
        if (alpha == 0) {
            return 0;
        }
        float scale = 256f / a;
        return alpha << 24 | clamp((int) (r * scale + 0.5f)) << 16 | clamp((int) (g * scale + 0.5f)) << 8
                | clamp((int) (b * scale + 0.5f));
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    /**
     * Source rows unpacked into one array per channel (premultiplied colour and alpha when there is alpha),
     * each row once. A ring of as many rows as the vertical filter has taps holds every row one output row
     * needs, and keeps those the next output rows share with it.
     */
    private static final class SourceRows {

        private final PixelBuffer source;
        private final int[][][] ring;
        private final int[] rowInSlot;
        private final int[] packed;

        SourceRows(PixelBuffer source, int taps) {
            this.source = source;
            this.ring = new int[taps][source.alpha() ? 4 : 3][source.width()];
            this.rowInSlot = new int[taps];
            Arrays.fill(rowInSlot, -1);
            this.packed = new int[source.width()];
        }

        int[][] row(int y) {
            int slot = y % ring.length;
            if (rowInSlot[slot] != y) {
                unpack(y, ring[slot]);
                rowInSlot[slot] = y;
            }
            return ring[slot];
        }

        private void unpack(int y, int[][] planes) {
            // Copied first so that the unpacking loops, too, read and write at the same index.
            System.arraycopy(source.data(), source.index(0, y), packed, 0, packed.length);
            int[] r = planes[0];
            int[] g = planes[1];
            int[] b = planes[2];
            if (source.alpha()) {
                int[] a = planes[3];
                for (int x = 0; x < packed.length; x++) {
                    int p = packed[x];
                    int pa = p >>> 24;
                    r[x] = (p >> 16 & 0xFF) * pa;
                    g[x] = (p >> 8 & 0xFF) * pa;
                    b[x] = (p & 0xFF) * pa;
                    a[x] = pa;
                }
            } else {
                for (int x = 0; x < packed.length; x++) {
                    int p = packed[x];
                    r[x] = p >> 16 & 0xFF;
                    g[x] = p >> 8 & 0xFF;
                    b[x] = p & 0xFF;
                }
            }
        }
    }
}
