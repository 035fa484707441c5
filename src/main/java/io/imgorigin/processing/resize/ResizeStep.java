package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.ResizePlan;

/**
 * Scales the working image to the plan's scaled size and, for a {@code cover} crop, keeps only the
 * window at the requested gravity. The working image may be larger than the plan's source (the
 * decoder may have shrunk it on load, or not), so the scale is taken from what the source spans in it. A crop
 * resamples only the region it keeps.
 */
public final class ResizeStep implements ProcessingStep {

    private final Resizer resizer;
    private final CropPlacer placer;

    public ResizeStep(Resizer resizer, CropPlacer placer) {
        this.resizer = resizer;
        this.placer = placer;
    }

    @Override
    public String name() {
        return "resize";
    }

    @Override
    public void apply(ProcessingContext context) {
        ResizePlan plan = context.plan();
        BufferedImage image = context.image();
        CropWindow window = plan.finish() == ResizePlan.Finish.CROP
                ? placer.place(image, plan.scaledWidth(), plan.scaledHeight(), plan.outputWidth(),
                        plan.outputHeight(), context.request().options().gravity(),
                        context.request().options().edits().focalPoint())
                : CropWindow.whole(plan.scaledWidth(), plan.scaledHeight());
        context.image(resizer.resize(image, context.extent(), plan.scaledWidth(), plan.scaledHeight(), window));
        context.extent(null);
    }
}
