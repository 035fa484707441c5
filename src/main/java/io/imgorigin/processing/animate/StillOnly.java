package io.imgorigin.processing.animate;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/** A step of the single-image path, passed over once an animation has been encoded whole. */
public record StillOnly(ProcessingStep step) implements ProcessingStep {

    @Override
    public String name() {
        return step.name();
    }

    @Override
    public void apply(ProcessingContext context) {
        if (context.result() == null) {
            step.apply(context);
        }
    }
}
