package io.imgorigin.processing.transform;

/**
 * Applies precomputed weights to a packed buffer, vertically first (its inner loop walks a source row
 * with one weight, so memory is read in order), then horizontally. The intermediate keeps
 * 8 extra fractional bits so that rounding happens once. Alpha input must be premultiplied; the
 * output is un-premultiplied from the full-precision sums.
 */
final class SeparableResampler {

    private static final int SHIFT_FIRST = ResampleWeights.BITS - 8;
    private static final int SHIFT_LAST = ResampleWeights.BITS + 8;
    private static final int STRIP_SAMPLES = 1 << 17;

    private SeparableResampler() {
    }

    static PixelBuffer resample(PixelBuffer source, ResampleWeights horizontal, ResampleWeights vertical) {
        int outWidth = horizontal.start().length;
        int outHeight = vertical.start().length;
        int width = source.width();
        boolean alpha = source.alpha();
        // Output rows are made a strip at a time so the intermediate stays small and in cache.
        int strip = Math.clamp(STRIP_SAMPLES / Math.max(1, width), 1, outHeight);
        int plane = strip * width;
        int[] red = new int[plane];
        int[] green = new int[plane];
        int[] blue = new int[plane];
        int[] opacity = alpha ? new int[plane] : null;
        PixelBuffer out = PixelBuffer.allocate(outWidth, outHeight, alpha);
        for (int first = 0; first < outHeight; first += strip) {
            int rows = Math.min(strip, outHeight - first);
            verticalPass(source, vertical, first, rows, red, green, blue, opacity);
            horizontalPass(width, horizontal, first, rows, red, green, blue, opacity, out);
        }
        return out;
    }

    private static void verticalPass(PixelBuffer source, ResampleWeights vertical, int first, int rows,
                                     int[] red, int[] green, int[] blue, int[] opacity) {
        int width = source.width();
        int[] data = source.data();
        int[] r = new int[width];
        int[] g = new int[width];
        int[] b = new int[width];
        int[] a = opacity == null ? null : new int[width];
        int round = 1 << (SHIFT_FIRST - 1);
        for (int j = first; j < first + rows; j++) {
            java.util.Arrays.fill(r, round);
            java.util.Arrays.fill(g, round);
            java.util.Arrays.fill(b, round);
            if (a != null) {
                java.util.Arrays.fill(a, round);
            }
            int at = j * vertical.stride();
            for (int t = 0; t < vertical.count()[j]; t++) {
                int w = vertical.weights()[at + t];
                int base = source.index(0, vertical.start()[j] + t);
                for (int x = 0; x < width; x++) {
                    int p = data[base + x];
                    r[x] += w * (p >> 16 & 0xFF);
                    g[x] += w * (p >> 8 & 0xFF);
                    b[x] += w * (p & 0xFF);
                }
                if (a != null) {
                    for (int x = 0; x < width; x++) {
                        a[x] += w * (data[base + x] >>> 24);
                    }
                }
            }
            int row = (j - first) * width;
            for (int x = 0; x < width; x++) {
                red[row + x] = r[x] >> SHIFT_FIRST;
                green[row + x] = g[x] >> SHIFT_FIRST;
                blue[row + x] = b[x] >> SHIFT_FIRST;
            }
            if (a != null) {
                for (int x = 0; x < width; x++) {
                    opacity[row + x] = a[x] >> SHIFT_FIRST;
                }
            }
        }
    }

    private static void horizontalPass(int width, ResampleWeights horizontal, int first, int rows,
                                       int[] red, int[] green, int[] blue, int[] opacity, PixelBuffer out) {
        int outWidth = out.width();
        int[] target = out.data();
        int[] starts = horizontal.start();
        int[] counts = horizontal.count();
        int[] weights = horizontal.weights();
        int stride = horizontal.stride();
        int round = 1 << (SHIFT_LAST - 1);
        for (int j = 0; j < rows; j++) {
            int row = j * width;
            int outRow = (first + j) * outWidth;
            for (int i = 0; i < outWidth; i++) {
                int from = row + starts[i];
                int at = i * stride;
                int r = round;
                int g = round;
                int b = round;
                for (int t = 0, n = counts[i]; t < n; t++) {
                    int w = weights[at + t];
                    r += w * red[from + t];
                    g += w * green[from + t];
                    b += w * blue[from + t];
                }
                if (opacity == null) {
                    target[outRow + i] = 0xFF000000 | clamp(r >> SHIFT_LAST) << 16 | clamp(g >> SHIFT_LAST) << 8
                            | clamp(b >> SHIFT_LAST);
                } else {
                    int a = 0;
                    for (int t = 0, n = counts[i]; t < n; t++) {
                        a += weights[at + t] * opacity[from + t];
                    }
                    target[outRow + i] = unpremultiply(r - round, g - round, b - round, a);
                }
            }
        }
    }

    private static int unpremultiply(int r, int g, int b, int a) {
        int alpha = clamp((a + (1 << (SHIFT_LAST - 1))) >> SHIFT_LAST);
        if (alpha == 0) {
            return 0;
        }
        float scale = 255f / a;
        return alpha << 24 | clamp((int) (r * scale + 0.5f)) << 16 | clamp((int) (g * scale + 0.5f)) << 8
                | clamp((int) (b * scale + 0.5f));
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
