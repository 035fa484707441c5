package io.imgorigin.processing.edits;

import java.awt.image.BufferedImage;

import io.imgorigin.processing.pipeline.ImageExtent;
import io.imgorigin.processing.pipeline.PixelBuffer;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/** {@code rot}: turns the working image clockwise by a quarter, half or three quarters. */
public final class RotateStep implements ProcessingStep {

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public void apply(ProcessingContext context) {
        int rotation = context.plan().edits().rotation();
        if (rotation == 0) {
            return;
        }
        ImageExtent extent = context.extent();
        context.image(rotate(context.image(), rotation));
        context.extent(rotation == 180 ? extent : extent.transposed());
    }

    /** The image turned clockwise by 90, 180 or 270 degrees. */
    public static BufferedImage rotate(BufferedImage image, int degrees) {
        PixelBuffer in = PixelBuffer.of(image);
        int w = in.width();
        int h = in.height();
        boolean quarter = degrees == 90 || degrees == 270;
        PixelBuffer out = PixelBuffer.allocate(quarter ? h : w, quarter ? w : h, in.alpha());
        int[] src = in.data();
        int[] dst = out.data();
        int ow = out.width();
        for (int y = 0; y < h; y++) {
            int from = in.index(0, y);
            for (int x = 0; x < w; x++) {
                int to = switch (degrees) {
                    case 90 -> x * ow + (h - 1 - y);
                    case 180 -> (h - 1 - y) * ow + (w - 1 - x);
                    case 270 -> (w - 1 - x) * ow + y;
                    default -> throw new IllegalArgumentException("rot is 90, 180 or 270, not " + degrees);
                };
                dst[to] = src[from + x];
            }
        }
        return out.toImage();
    }
}
