package io.imgorigin.processing.filter;

import io.imgorigin.processing.pipeline.PixelBuffer;

/**
 * Blurs one channel of a packed image into a float plane, separably: rows first, then columns, each
 * {@link LineKernels#LINES} lines at a time. A strip of rows is gathered transposed (position-major) so that
 * the kernels run down it in whole vectors; a strip of columns already lies that way in the plane and is
 * copied row by row. Lines are extended beyond their ends with their end values (edge clamping): the
 * padding covers the filter's whole reach, so every box pass sees what it would on an endless line.
 */
final class PlaneBlur {

    private static final int LINES = LineKernels.LINES;

    private final LineKernels kernels;

    PlaneBlur(LineKernels kernels) {
        this.kernels = kernels;
    }

    /** The two line buffers one blur needs, sized for the longer side of the image. */
    static float[][] buffers(PixelBuffer source, LineFilter filter) {
        int length = Math.addExact(Math.max(source.width(), source.height()), 2 * filter.reach());
        int size = Math.multiplyExact(length, LINES);
        return new float[][] {new float[size], new float[size]};
    }

    /**
     * Stores in {@code plane} ({@code width × height}, row-major) the blurred channel whose byte starts at
     * bit {@code shift} of each pixel, times the pixel's alpha / 255 when {@code premultiply}.
     */
    void blur(PixelBuffer source, int shift, boolean premultiply, LineFilter filter, float[] plane, float[][] buffers) {
        int width = source.width();
        int height = source.height();
        int pad = filter.reach();
        for (int y0 = 0; y0 < height; y0 += LINES) {
            int count = Math.min(LINES, height - y0);
            float[] line = buffers[0];
            for (int l = 0; l < count; l++) {
                gatherRow(source, y0 + l, shift, premultiply, line, pad, l);
            }
            float[] result = run(filter, width, buffers);
            for (int l = 0; l < count; l++) {
                int row = (y0 + l) * width;
                for (int x = 0, at = pad * LINES + l; x < width; x++, at += LINES) {
                    plane[row + x] = result[at];
                }
            }
        }
        for (int x0 = 0; x0 < width; x0 += LINES) {
            int count = Math.min(LINES, width - x0);
            float[] line = buffers[0];
            for (int y = 0; y < height; y++) {
                System.arraycopy(plane, y * width + x0, line, (y + pad) * LINES, count);
            }
            float[] result = run(filter, height, buffers);
            for (int y = 0; y < height; y++) {
                System.arraycopy(result, (y + pad) * LINES, plane, y * width + x0, count);
            }
        }
    }

    private static void gatherRow(PixelBuffer source, int y, int shift, boolean premultiply, float[] line, int pad,
                                  int lane) {
        int[] data = source.data();
        int from = source.index(0, y);
        int width = source.width();
        int at = pad * LINES + lane;
        if (premultiply) {
            for (int x = 0; x < width; x++, at += LINES) {
                int p = data[from + x];
                line[at] = ((p >>> shift & 0xFF) * (p >>> 24)) / 255f;
            }
        } else {
            for (int x = 0; x < width; x++, at += LINES) {
                line[at] = data[from + x] >>> shift & 0xFF;
            }
        }
    }

    /**
     * Filters the lines in {@code buffers[0]} (positions {@code pad..pad+length-1} filled, the padding not
     * yet) and returns the buffer holding the result at the same positions.
     */
    private float[] run(LineFilter filter, int length, float[][] buffers) {
        int pad = filter.reach();
        float[] in = buffers[0];
        float[] out = buffers[1];
        int end = pad + length;
        for (int q = 0; q < pad; q++) {
            System.arraycopy(in, pad * LINES, in, q * LINES, LINES);
            System.arraycopy(in, (end - 1) * LINES, in, (end + q) * LINES, LINES);
        }
        switch (filter) {
            case LineFilter.Exact exact -> {
                kernels.convolve(in, out, pad, end, exact.weights(), exact.radius());
                return out;
            }
            case LineFilter.Boxes boxes -> {
                int total = end + pad;
                int step = boxes.radius() + 1;
                // Each pass is computed as far out as the passes after it read, so the last sees an endless line.
                for (int pass = 1; pass <= boxes.passes(); pass++) {
                    kernels.box(in, out, pass * step, total - pass * step, boxes.radius(), boxes.end(), boxes.scale());
                    float[] swap = in;
                    in = out;
                    out = swap;
                }
                return in;
            }
        }
    }

    /** Whether any pixel is less than opaque (an ARGB image that is all opaque is filtered as RGB). */
    static boolean translucent(PixelBuffer source) {
        int[] data = source.data();
        for (int y = 0; y < source.height(); y++) {
            for (int i = source.index(0, y), end = i + source.width(); i < end; i++) {
                if (data[i] >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Checks what {@link GaussianBlur} and {@link UnsharpMask} accept. */
    static PixelBuffer packed(java.awt.image.BufferedImage image, double sigma, double maxSigma) {
        int type = image.getType();
        if (type != java.awt.image.BufferedImage.TYPE_INT_RGB && type != java.awt.image.BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("expected TYPE_INT_RGB or TYPE_INT_ARGB, got image type " + type);
        }
        if (!(sigma > 0 && sigma <= maxSigma)) {
            throw new IllegalArgumentException("sigma must be above 0 and at most " + maxSigma + ": " + sigma);
        }
        return PixelBuffer.of(image);
    }

    static int clamp(float value) {
        return value <= 0 ? 0 : value >= 255 ? 255 : (int) (value + 0.5f);
    }
}
