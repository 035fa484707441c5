package io.imgorigin.processing.transform;

import java.util.Arrays;

/**
 * Applies precomputed weights to a packed buffer, a strip of output rows at a time: vertically first
 * (its inner loop walks a source row with one weight), then horizontally.
 *
 * <p>The vertical pass stores its strip transposed, a source column's values for all rows of the
 * strip side by side. The horizontal pass then also applies one weight to a run of adjacent values
 * (one per output row), a plain loop the compiler vectorises, instead of a short dot product per
 * output pixel.
 *
 * <p>Opaque channels keep 8 extra fractional bits between the passes so that rounding happens once.
 * With alpha, colour is premultiplied as it is read (so transparent pixels add nothing to their
 * neighbours' colour) and kept as colour×alpha, 16 bits, between the passes; the output is
 * un-premultiplied from the full-precision sums.
 */
final class SeparableResampler {

    private static final int BITS = ResampleWeights.BITS;
    private static final int STRIP = 32;
    private static final int ALPHA_SHIFT = BITS - 8;

    private SeparableResampler() {
    }

    /** @param source straight (not premultiplied) alpha when it has alpha */
    static PixelBuffer resample(PixelBuffer source, ResampleWeights horizontal, ResampleWeights vertical) {
        int outWidth = horizontal.start().length;
        int outHeight = vertical.start().length;
        int strip = Math.min(STRIP, outHeight);
        int channels = source.alpha() ? 4 : 3;
        int[][] columns = new int[channels][source.width() * strip];
        Rows rows = new Rows(source.width(), channels);
        int[][] sums = new int[channels][strip];
        PixelBuffer out = PixelBuffer.allocate(outWidth, outHeight, source.alpha());
        for (int first = 0; first < outHeight; first += strip) {
            int count = Math.min(strip, outHeight - first);
            for (int j = 0; j < count; j++) {
                if (source.alpha()) {
                    rows.sumWithAlpha(source, vertical, first + j);
                } else {
                    rows.sum(source, vertical, first + j);
                }
                rows.storeTransposed(columns, j, strip);
            }
            if (source.alpha()) {
                horizontalWithAlpha(horizontal, columns, strip, count, sums, out, first);
            } else {
                horizontal(horizontal, columns, strip, count, sums, out, first);
            }
        }
        return out;
    }

    private static void horizontal(ResampleWeights weights, int[][] columns, int strip, int count, int[][] sums,
                                   PixelBuffer out, int first) {
        int[] red = columns[0];
        int[] green = columns[1];
        int[] blue = columns[2];
        int[] r = sums[0];
        int[] g = sums[1];
        int[] b = sums[2];
        int[] starts = weights.start();
        int[] w = weights.weights();
        int taps = weights.taps();
        int[] target = out.data();
        int outWidth = out.width();
        int shift = BITS + 8;
        for (int i = 0; i < outWidth; i++) {
            Arrays.fill(r, 0, count, 1 << (shift - 1));
            Arrays.fill(g, 0, count, 1 << (shift - 1));
            Arrays.fill(b, 0, count, 1 << (shift - 1));
            for (int t = 0; t < taps; t++) {
                int weight = w[i * taps + t];
                if (weight == 0) {
                    continue;
                }
                int base = (starts[i] + t) * strip;
                for (int j = 0; j < count; j++) {
                    r[j] += weight * red[base + j];
                    g[j] += weight * green[base + j];
                    b[j] += weight * blue[base + j];
                }
            }
            for (int j = 0, at = first * outWidth + i; j < count; j++, at += outWidth) {
                target[at] = 0xFF000000 | clamp(r[j] >> shift) << 16 | clamp(g[j] >> shift) << 8 | clamp(b[j] >> shift);
            }
        }
    }

    private static void horizontalWithAlpha(ResampleWeights weights, int[][] columns, int strip, int count,
                                            int[][] sums, PixelBuffer out, int first) {
        int[] red = columns[0];
        int[] green = columns[1];
        int[] blue = columns[2];
        int[] opacity = columns[3];
        int[] r = sums[0];
        int[] g = sums[1];
        int[] b = sums[2];
        int[] a = sums[3];
        int[] starts = weights.start();
        int[] w = weights.weights();
        int taps = weights.taps();
        int[] target = out.data();
        int outWidth = out.width();
        for (int i = 0; i < outWidth; i++) {
            Arrays.fill(r, 0, count, 0);
            Arrays.fill(g, 0, count, 0);
            Arrays.fill(b, 0, count, 0);
            Arrays.fill(a, 0, count, 0);
            for (int t = 0; t < taps; t++) {
                int weight = w[i * taps + t];
                if (weight == 0) {
                    continue;
                }
                int base = (starts[i] + t) * strip;
                for (int j = 0; j < count; j++) {
                    r[j] += weight * red[base + j];
                    g[j] += weight * green[base + j];
                    b[j] += weight * blue[base + j];
                    a[j] += weight * opacity[base + j];
                }
            }
            for (int j = 0, at = first * outWidth + i; j < count; j++, at += outWidth) {
                target[at] = unpremultiply(r[j], g[j], b[j], a[j]);
            }
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

    /** Scratch space for one output row's vertical sums, per channel, over the source's full width. */
    private static final class Rows {

        private final int[][] channels;

        Rows(int width, int count) {
            channels = new int[count][width];
        }

        void sum(PixelBuffer source, ResampleWeights vertical, int j) {
            int[] red = channels[0];
            int[] green = channels[1];
            int[] blue = channels[2];
            int width = source.width();
            int[] data = source.data();
            int taps = vertical.taps();
            int at = j * taps;
            int base = source.index(0, vertical.start()[j]);
            // Colour keeps 8 fractional bits: the rounding half of the bits dropped is added up front.
            int round = 1 << (BITS - 8 - 1);
            int w = vertical.weights()[at];
            for (int x = 0; x < width; x++) {
                int p = data[base + x];
                red[x] = round + w * (p >> 16 & 0xFF);
                green[x] = round + w * (p >> 8 & 0xFF);
                blue[x] = round + w * (p & 0xFF);
            }
            for (int t = 1; t < taps; t++) {
                base += source.stride();
                w = vertical.weights()[at + t];
                if (w == 0) {
                    continue;
                }
                for (int x = 0; x < width; x++) {
                    int p = data[base + x];
                    red[x] += w * (p >> 16 & 0xFF);
                    green[x] += w * (p >> 8 & 0xFF);
                    blue[x] += w * (p & 0xFF);
                }
            }
        }

        void sumWithAlpha(PixelBuffer source, ResampleWeights vertical, int j) {
            int[] red = channels[0];
            int[] green = channels[1];
            int[] blue = channels[2];
            int[] opacity = channels[3];
            int width = source.width();
            int[] data = source.data();
            int taps = vertical.taps();
            int at = j * taps;
            // Premultiplied colour is already 16 bits wide; alpha keeps 8 fractional bits.
            Arrays.fill(red, 1 << (BITS - 1));
            Arrays.fill(green, 1 << (BITS - 1));
            Arrays.fill(blue, 1 << (BITS - 1));
            Arrays.fill(opacity, 1 << (ALPHA_SHIFT - 1));
            for (int t = 0; t < taps; t++) {
                int w = vertical.weights()[at + t];
                if (w == 0) {
                    continue;
                }
                int base = source.index(0, vertical.start()[j] + t);
                for (int x = 0; x < width; x++) {
                    int p = data[base + x];
                    int pa = p >>> 24;
                    red[x] += w * ((p >> 16 & 0xFF) * pa);
                    green[x] += w * ((p >> 8 & 0xFF) * pa);
                    blue[x] += w * ((p & 0xFF) * pa);
                    opacity[x] += w * pa;
                }
            }
        }

        /**
         * Drops the fractional bits and stores the row as row {@code j} of the transposed strip
         * (value of column x at {@code x * strip + j}).
         */
        void storeTransposed(int[][] columns, int j, int strip) {
            boolean alpha = channels.length == 4;
            int colourShift = alpha ? BITS : BITS - 8;
            for (int c = 0; c < 3; c++) {
                transpose(channels[c], colourShift, columns[c], j, strip);
            }
            if (alpha) {
                transpose(channels[3], ALPHA_SHIFT, columns[3], j, strip);
            }
        }

        private static void transpose(int[] row, int shift, int[] column, int j, int strip) {
            for (int x = 0, at = j; x < row.length; x++, at += strip) {
                column[at] = row[x] >> shift;
            }
        }
    }
}
