package io.imgorigin.processing.orient;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import io.imgorigin.processing.ProcessingContext;
import io.imgorigin.processing.ProcessingStep;

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
        context.image(orient(context.image(), orientation));
    }

    /**
     * For each stored pixel (x, y) of a w×h image, where it lands in the upright image; orientations
     * 5 to 8 swap the sides.
     */
    public static BufferedImage orient(BufferedImage stored, int orientation) {
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean transposed = orientation >= 5;
        int uw = transposed ? h : w;
        int uh = transposed ? w : h;
        BufferedImage upright = new BufferedImage(uw, uh, stored.getType());
        int[] in = ((DataBufferInt) stored.getRaster().getDataBuffer()).getData();
        int[] out = ((DataBufferInt) upright.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int ux;
                int uy;
                switch (orientation) {
                    case 2 -> { ux = w - 1 - x; uy = y; }
                    case 3 -> { ux = w - 1 - x; uy = h - 1 - y; }
                    case 4 -> { ux = x; uy = h - 1 - y; }
                    case 5 -> { ux = y; uy = x; }
                    case 6 -> { ux = h - 1 - y; uy = x; }
                    case 7 -> { ux = h - 1 - y; uy = w - 1 - x; }
                    default -> { ux = y; uy = w - 1 - x; }
                }
                out[uy * uw + ux] = in[row + x];
            }
        }
        return upright;
    }
}
