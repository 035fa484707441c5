package io.imgorigin.processing.edits;

import java.awt.image.BufferedImage;

import io.imgorigin.processing.pipeline.EditPlan;
import io.imgorigin.processing.pipeline.PixelBuffer;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/** {@code flip}: mirrors the working image left to right, top to bottom, or both. */
public final class FlipStep implements ProcessingStep {

    @Override
    public String name() {
        return "flip";
    }

    @Override
    public void apply(ProcessingContext context) {
        EditPlan edits = context.plan().edits();
        if (!edits.flipHorizontal() && !edits.flipVertical()) {
            return;
        }
        context.image(flip(context.image(), edits.flipHorizontal(), edits.flipVertical()));
    }

    public static BufferedImage flip(BufferedImage image, boolean horizontal, boolean vertical) {
        PixelBuffer in = PixelBuffer.of(image);
        int w = in.width();
        int h = in.height();
        PixelBuffer out = PixelBuffer.allocate(w, h, in.alpha());
        for (int y = 0; y < h; y++) {
            int from = in.index(0, vertical ? h - 1 - y : y);
            int to = y * w;
            if (horizontal) {
                for (int x = 0; x < w; x++) {
                    out.data()[to + x] = in.data()[from + w - 1 - x];
                }
            } else {
                System.arraycopy(in.data(), from, out.data(), to, w);
            }
        }
        return out.toImage();
    }
}
