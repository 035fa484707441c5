package io.imgorigin.processing.orient;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import io.imgorigin.processing.pipeline.ImageExtent;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/**
 * Turns the working image upright according to its EXIF/TIFF orientation (1..8), moving whole
 * pixels in the packed int arrays: the image is 8-bit sRGB INT_RGB or INT_ARGB by now.
 */
public final class OrientStep implements ProcessingStep {

    @Override
    public String name() {
        return "orient";
    }

    @Override
    public void apply(ProcessingContext context) {
        int orientation = context.orientation();
        if (orientation < 2 || orientation > 8) {
            return;
        }
        ImageExtent extent = context.extent();
        context.image(orient(context.image(), orientation));
        context.extent(orientation >= 5 ? extent.transposed() : extent);
    }

    /**
     * Where each stored pixel (x, y) of a w×h image lands in the upright one is linear in x and y, so
     * every stored row is copied with one start and one stride; orientations 5 to 8 swap the sides.
     */
    public static BufferedImage orient(BufferedImage stored, int orientation) {
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean transposed = orientation >= 5;
        int uw = transposed ? h : w;
        BufferedImage upright = new BufferedImage(uw, transposed ? w : h, stored.getType());
        int[] in = ((DataBufferInt) stored.getRaster().getDataBuffer()).getData();
        int[] out = ((DataBufferInt) upright.getRaster().getDataBuffer()).getData();
        int origin = target(orientation, 0, 0, w, h, uw);
        int xStride = target(orientation, 1, 0, w, h, uw) - origin;
        int yStride = target(orientation, 0, 1, w, h, uw) - origin;
        for (int y = 0; y < h; y++) {
            int from = y * w;
            int to = origin + y * yStride;
            for (int x = 0; x < w; x++) {
                out[to + x * xStride] = in[from + x];
            }
        }
        return upright;
    }

    /** The index in the upright image's pixel array of the stored pixel (x, y). */
    private static int target(int orientation, int x, int y, int w, int h, int uw) {
        return switch (orientation) {
            case 2 -> y * uw + (w - 1 - x);
            case 3 -> (h - 1 - y) * uw + (w - 1 - x);
            case 4 -> (h - 1 - y) * uw + x;
            case 5 -> x * uw + y;
            case 6 -> x * uw + (h - 1 - y);
            case 7 -> (w - 1 - x) * uw + (h - 1 - y);
            case 8 -> (w - 1 - x) * uw + y;
            default -> y * uw + x;
        };
    }
}
