package io.imgorigin.processing.filter;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.awt.image.BufferedImage;

/**
 * Gaussian blur of a packed 8-bit sRGB image, sigma in pixels, edges extended. Separable, in float, with
 * the vector API where the JVM has it. Up to sigma 5 the kernel is the exact sampled Gaussian out to 3
 * sigma; above, six extended box passes (running sums) make the cost independent of sigma, within about
 * 1.2 levels of the exact Gaussian on a hard edge. Colour is premultiplied by alpha while filtering, so
 * transparent pixels do not pull their neighbours toward black.
 *
 * <p>Memory: a float per pixel for the channel being filtered, another for alpha when the image has
 * translucent pixels, besides the output.
 */
public final class GaussianBlur {

    /** The largest sigma accepted; SPEC's {@code blur} range. */
    public static final double MAX_SIGMA = 100;

    private static final int[] COLOUR_SHIFTS = {16, 8, 0};

    private final PlaneBlur blur;

    public GaussianBlur() {
        this(LineKernels.best());
    }

    GaussianBlur(LineKernels kernels) {
        this.blur = new PlaneBlur(kernels);
    }

    /**
     * A blurred copy of {@code image} (TYPE_INT_RGB or TYPE_INT_ARGB with straight alpha), of the same type
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
        float[][] buffers = PlaneBlur.buffers(source, filter);
        float[] plane = new float[Math.multiplyExact(width, height)];
        boolean alpha = source.alpha() && PlaneBlur.translucent(source);
        float[] opacity = null;
        if (alpha) {
            opacity = new float[plane.length];
            blur.blur(source, 24, false, filter, opacity, buffers);
            for (int i = 0; i < out.length; i++) {
                out[i] = PlaneBlur.clamp(opacity[i]) << 24;
            }
        } else {
            java.util.Arrays.fill(out, 0xFF000000);
        }
        for (int shift : COLOUR_SHIFTS) {
            blur.blur(source, shift, alpha, filter, plane, buffers);
            if (alpha) {
                for (int i = 0; i < out.length; i++) {
                    // Colour under a pixel that ends up fully transparent is left 0.
                    if (out[i] != 0) {
                        out[i] |= PlaneBlur.clamp(plane[i] * 255 / opacity[i]) << shift;
                    }
                }
            } else {
                for (int i = 0; i < out.length; i++) {
                    out[i] |= PlaneBlur.clamp(plane[i]) << shift;
                }
            }
        }
        return result;
    }
}
