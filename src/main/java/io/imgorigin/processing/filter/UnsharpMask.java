package io.imgorigin.processing.filter;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.awt.image.BufferedImage;

/**
 * Unsharp mask: each colour channel becomes {@code src + AMOUNT · (src − blur(src, sigma))}, clamped and
 * rounded, with the blur of {@link GaussianBlur} (premultiplied where there is alpha, then divided back, so
 * transparent neighbours do not count as black); alpha is left as it is. The amount is 1, the usual
 * default of an unsharp mask (ImageMagick's {@code -unsharp}), and there is no threshold: where the image
 * is flat the blur equals it to well within rounding, so flat areas come out unchanged.
 */
public final class UnsharpMask {

    /** The largest sigma accepted; SPEC's {@code sharpen} range. */
    public static final double MAX_SIGMA = 10;

    /** How much of the difference from the blur is added. */
    public static final float AMOUNT = 1f;

    private static final int[] COLOUR_SHIFTS = {16, 8, 0};

    private final PlaneBlur blur;

    public UnsharpMask() {
        this(LineKernels.best());
    }

    UnsharpMask(LineKernels kernels) {
        this.blur = new PlaneBlur(kernels);
    }

    /**
     * A sharpened copy of {@code image} (TYPE_INT_RGB or TYPE_INT_ARGB with straight alpha), of the same type
     * and size.
     *
     * @throws IllegalArgumentException for another image type, or a sigma not in (0, {@link #MAX_SIGMA}]
     */
    public BufferedImage apply(BufferedImage image, double sigma) {
        PixelBuffer source = PlaneBlur.packed(image, sigma, MAX_SIGMA);
        LineFilter filter = LineFilter.gaussian(sigma);
        int width = source.width();
        int height = source.height();
        BufferedImage result = new BufferedImage(width, height, image.getType());
        int[] out = PixelBuffer.of(result).data();
        int[] data = source.data();
        float[][] buffers = PlaneBlur.buffers(source, filter);
        float[] plane = new float[Math.multiplyExact(width, height)];
        boolean alpha = source.alpha() && PlaneBlur.translucent(source);
        float[] opacity = null;
        if (alpha) {
            opacity = new float[plane.length];
            blur.blur(source, 24, false, filter, opacity, buffers);
        }
        for (int y = 0, i = 0; y < height; y++) {
            for (int from = source.index(0, y), x = 0; x < width; x++, i++) {
                out[i] = source.alpha() ? data[from + x] & 0xFF000000 : 0xFF000000;
            }
        }
        for (int shift : COLOUR_SHIFTS) {
            blur.blur(source, shift, alpha, filter, plane, buffers);
            for (int y = 0, i = 0; y < height; y++) {
                for (int from = source.index(0, y), x = 0; x < width; x++, i++) {
                    int value = data[from + x] >>> shift & 0xFF;
                    float blurred = plane[i];
                    if (alpha) {
                        // A pixel with no opaque neighbour at all has nothing to be sharpened against.
                        blurred = opacity[i] > 0 ? blurred * 255 / opacity[i] : value;
                    }
                    out[i] |= PlaneBlur.clamp(value + AMOUNT * (value - blurred)) << shift;
                }
            }
        }
        return result;
    }
}
