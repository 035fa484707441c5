package io.imgorigin.processing.edits;

import io.imgorigin.processing.pipeline.PixelBuffer;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.Region;
import io.imgorigin.processing.pipeline.ResizePlan;

/**
 * {@code crop}: keeps the plan's region of the upright (and trimmed) image. The region was clipped when
 * planned; the image is then at full size, since shrink-on-load is off while a crop is pending. A decoder
 * that cut the region itself (the JPEG crop path) leaves a plan without one, and this step does nothing.
 */
public final class CropStep implements ProcessingStep {

    @Override
    public String name() {
        return "crop";
    }

    @Override
    public void apply(ProcessingContext context) {
        ResizePlan plan = context.plan();
        Region crop = plan.edits().crop();
        if (crop == null) {
            return;
        }
        PixelBuffer pixels = PixelBuffer.of(context.image());
        if ((long) crop.x() + crop.width() > pixels.width() || (long) crop.y() + crop.height() > pixels.height()) {
            throw new IllegalStateException("the crop " + crop + " does not lie within the " + pixels.width() + "×"
                    + pixels.height() + " working image");
        }
        context.image(pixels.crop(crop.x(), crop.y(), crop.width(), crop.height()).toImage());
        context.extent(null);
        context.plan(plan.withEdits(plan.edits().withoutCrop()));
    }
}
