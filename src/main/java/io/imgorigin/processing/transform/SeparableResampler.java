package io.imgorigin.processing.transform;

/**
 * Applies precomputed weights to a packed buffer, vertically first (its inner loop walks a source row
 * with one weight, so memory is read in order), then horizontally, a strip of output rows at a time.
 *
 * <p>Opaque channels keep 8 extra fractional bits between the passes so that rounding happens once.
 * With alpha, colour is premultiplied as it is read (so transparent pixels add nothing to their
 * neighbours' colour) and kept as colour×alpha, 16 bits, between the passes; the output is
 * un-premultiplied from the full-precision sums.
 */
final class SeparableResampler {

    private static final int BITS = ResampleWeights.BITS;
    private static final int STRIP_SAMPLES = 1 << 17;

    private SeparableResampler() {
    }

    /** @param source straight (not premultiplied) alpha when it has alpha */
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
            if (alpha) {
                horizontalPassWithAlpha(width, horizontal, first, rows, red, green, blue, opacity, out);
            } else {
                horizontalPass(width, horizontal, first, rows, red, green, blue, out);
            }
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
        // Opaque colour keeps 8 fractional bits; premultiplied colour is already 16 bits wide.
        int colourShift = opacity == null ? BITS - 8 : BITS;
        int alphaShift = BITS - 8;
        for (int j = first; j < first + rows; j++) {
            java.util.Arrays.fill(r, 1 << (colourShift - 1));
            java.util.Arrays.fill(g, 1 << (colourShift - 1));
            java.util.Arrays.fill(b, 1 << (colourShift - 1));
            if (a != null) {
                java.util.Arrays.fill(a, 1 << (alphaShift - 1));
            }
            int at = j * vertical.stride();
            for (int t = 0; t < vertical.count()[j]; t++) {
                int w = vertical.weights()[at + t];
                int base = source.index(0, vertical.start()[j] + t);
                if (a == null) {
                    for (int x = 0; x < width; x++) {
                        int p = data[base + x];
                        r[x] += w * (p >> 16 & 0xFF);
                        g[x] += w * (p >> 8 & 0xFF);
                        b[x] += w * (p & 0xFF);
                    }
                } else {
                    for (int x = 0; x < width; x++) {
                        int p = data[base + x];
                        int pa = p >>> 24;
                        r[x] += w * ((p >> 16 & 0xFF) * pa);
                        g[x] += w * ((p >> 8 & 0xFF) * pa);
                        b[x] += w * ((p & 0xFF) * pa);
                        a[x] += w * pa;
                    }
                }
            }
            int row = (j - first) * width;
            for (int x = 0; x < width; x++) {
                red[row + x] = r[x] >> colourShift;
                green[row + x] = g[x] >> colourShift;
                blue[row + x] = b[x] >> colourShift;
            }
            if (a != null) {
                for (int x = 0; x < width; x++) {
                    opacity[row + x] = a[x] >> alphaShift;
                }
            }
        }
    }

    private static void horizontalPass(int width, ResampleWeights horizontal, int first, int rows,
                                       int[] red, int[] green, int[] blue, PixelBuffer out) {
        int outWidth = out.width();
        int[] target = out.data();
        int[] starts = horizontal.start();
        int[] counts = horizontal.count();
        int[] weights = horizontal.weights();
        int stride = horizontal.stride();
        int shift = BITS + 8;
        int round = 1 << (shift - 1);
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
                target[outRow + i] = 0xFF000000 | clamp(r >> shift) << 16 | clamp(g >> shift) << 8 | clamp(b >> shift);
            }
        }
    }

    private static void horizontalPassWithAlpha(int width, ResampleWeights horizontal, int first, int rows,
                                                int[] red, int[] green, int[] blue, int[] opacity, PixelBuffer out) {
        int outWidth = out.width();
        int[] target = out.data();
        int[] starts = horizontal.start();
        int[] counts = horizontal.count();
        int[] weights = horizontal.weights();
        int stride = horizontal.stride();
        for (int j = 0; j < rows; j++) {
            int row = j * width;
            int outRow = (first + j) * outWidth;
            for (int i = 0; i < outWidth; i++) {
                int from = row + starts[i];
                int at = i * stride;
                int r = 0;
                int g = 0;
                int b = 0;
                int a = 0;
                for (int t = 0, n = counts[i]; t < n; t++) {
                    int w = weights[at + t];
                    r += w * red[from + t];
                    g += w * green[from + t];
                    b += w * blue[from + t];
                    a += w * opacity[from + t];
                }
                target[outRow + i] = unpremultiply(r, g, b, a);
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
}
