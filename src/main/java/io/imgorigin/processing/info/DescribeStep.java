package io.imgorigin.processing.info;

import io.imgorigin.processing.pipeline.ImageInfo;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/**
 * Records what the probe read from the header (format, upright size, orientation, alpha, frames) and the
 * source's length, before any later step replaces the bytes with an embedded preview.
 */
public final class DescribeStep implements ProcessingStep {

    @Override
    public String name() {
        return "describe";
    }

    @Override
    public void apply(ProcessingContext context) {
        boolean transposed = context.transposed();
        int width = transposed ? context.storedHeight() : context.storedWidth();
        int height = transposed ? context.storedWidth() : context.storedHeight();
        context.info(new ImageInfo(context.sourceFormat(), width, height, context.orientation(), context.hasAlpha(),
                Math.max(1, context.frames()), context.source().length, -1, null));
    }
}
