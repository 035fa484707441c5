package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.awt.image.BufferedImage;

import io.imgorigin.processing.pipeline.ImageExtent;

/**
 * High-quality resampling of packed sRGB images. Large reductions first average whole blocks of
 * pixels (exact, and cheap) until at most a {@link #BOX_GAP}-fold reduction is left; Lanczos3 does
 * that rest, and enlargements. Only the source region that a window of the result needs is read.
 * On photographs the block averaging costs little quality against a Lanczos3 over the full image, at
 * well under half the work (bench/README.md, Quality).
 */
public final class Resizer {

    /**
     * The largest reduction left to Lanczos3 after block averaging. Block averaging aliases where
     * Lanczos3 does not; a 2× gap visibly lost detail on photos, 3× keeps it for a third more taps.
     */
    private static final double BOX_GAP = 3.0;

    /** The whole image resized to {@code width}×{@code height}. */
    public BufferedImage resize(BufferedImage image, int width, int height) {
        return resize(image, ImageExtent.of(image), width, height, CropWindow.whole(width, height));
    }

    /**
     * The given window of the image as it would be when resized to {@code scaledWidth}×{@code scaledHeight};
     * the pixels are the same as those of a full resize followed by a crop. {@code extent} is what the
     * picture spans in the image's pixels (a shrink-on-load decode may leave a partial last row and column).
     */
    public BufferedImage resize(BufferedImage image, ImageExtent extent, int scaledWidth, int scaledHeight,
            CropWindow window) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean unscaled = width == scaledWidth && height == scaledHeight;
        if (unscaled && window.equals(CropWindow.whole(width, height)) && packed(image)) {
            return image;
        }
        PixelBuffer source = PixelBuffer.of(image);
        if (unscaled) {
            return source.crop(window.x(), window.y(), window.width(), window.height()).toImage();
        }
        double scaleX = extent.width() / scaledWidth;
        double scaleY = extent.height() / scaledHeight;
        int blockX = blockFactor(scaleX);
        int blockY = blockFactor(scaleY);
        Span spanX = Span.of(Math.ceilDiv(width, blockX), window.x(), window.width(), scaleX / blockX);
        Span spanY = Span.of(Math.ceilDiv(height, blockY), window.y(), window.height(), scaleY / blockY);
        PixelBuffer region;
        if (blockX == 1 && blockY == 1) {
            region = new PixelBuffer(source.data(), source.index(spanX.low(), spanY.low()), source.stride(),
                    spanX.length(), spanY.length(), source.alpha());
        } else {
            region = BoxReducer.reduce(source, blockX, blockY, spanX.low(), spanY.low(), spanX.length(), spanY.length());
        }
        ResampleWeights horizontal = ResampleWeights.lanczos3(spanX.length(), spanX.low(),
                window.x(), window.width(), scaleX / blockX);
        ResampleWeights vertical = ResampleWeights.lanczos3(spanY.length(), spanY.low(),
                window.y(), window.height(), scaleY / blockY);
        return SeparableResampler.resample(region, horizontal, vertical).toImage();
    }

    private static boolean packed(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB;
    }

    /** The block size averaged first for a reduction by {@code scale}: 1 up to {@link #BOX_GAP}. */
    public static int blockFactor(double scale) {
        return Math.max(1, (int) Math.ceil(scale / BOX_GAP));
    }

    /**
     * The source samples [low, low+length) of an axis of {@code axis} samples that a window reads: its
     * filter's reach, with a sample to spare, cut only at the ends of the axis.
     */
    private record Span(int low, int length) {

        static Span of(int axis, int first, int outputs, double scale) {
            double support = 3 * Math.max(1.0, scale) + 1;
            double firstCentre = (first + 0.5) * scale - 0.5;
            double lastCentre = (first + outputs - 0.5) * scale - 0.5;
            int low = Math.clamp((long) Math.floor(firstCentre - support), 0, axis - 1);
            int high = Math.clamp((long) Math.ceil(lastCentre + support), 0, axis - 1);
            return new Span(low, high - low + 1);
        }
    }
}
