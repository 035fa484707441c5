package io.imgorigin.processing.pad;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.awt.image.BufferedImage;

import io.imgorigin.options.Padding;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.ResizePlan;

/**
 * {@code fit=contain} and {@code pad}: centres the scaled image on a canvas of the output size, then adds
 * the {@code pad} margins, all of it filled with {@code bg}. A translucent {@code bg} makes the canvas
 * transparent where the output keeps alpha; JPEG gets the colour only.
 */
public final class PadStep implements ProcessingStep {

    @Override
    public String name() {
        return "pad";
    }

    @Override
    public void apply(ProcessingContext context) {
        ResizePlan plan = context.plan();
        Padding pad = plan.pad();
        if (plan.finish() != ResizePlan.Finish.PAD && pad.isNone()) {
            return;
        }
        Rgba background = context.request().options().background();
        boolean keepsAlpha = context.outputFormat() != OutputFormat.JPEG;
        boolean alpha = context.hasAlpha() || keepsAlpha && !background.opaque();
        int fill = keepsAlpha ? background.argb() : 0xFF000000 | background.argb();
        PixelBuffer image = PixelBuffer.of(context.image());
        PixelBuffer canvas = PixelBuffer.allocate(plan.paddedWidth(), plan.paddedHeight(), alpha);
        java.util.Arrays.fill(canvas.data(), fill);
        int left = pad.left() + (plan.outputWidth() - image.width()) / 2;
        int top = pad.top() + (plan.outputHeight() - image.height()) / 2;
        int opaque = image.alpha() ? 0 : 0xFF000000;
        for (int y = 0; y < image.height(); y++) {
            int from = image.index(0, y);
            int to = canvas.index(left, top + y);
            for (int x = 0; x < image.width(); x++) {
                canvas.data()[to + x] = image.data()[from + x] | opaque;
            }
        }
        context.image(canvas.toImage());
        context.hasAlpha(alpha);
    }
}
