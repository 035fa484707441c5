package io.imgorigin.processing.filter;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/** {@code sharpen}: an unsharp mask of the resized (and blurred) image, sigma in output pixels. */
public final class SharpenStep implements ProcessingStep {

    private final UnsharpMask mask;

    public SharpenStep(UnsharpMask mask) {
        this.mask = mask;
    }

    @Override
    public String name() {
        return "sharpen";
    }

    @Override
    public void apply(ProcessingContext context) {
        Double sigma = context.request().options().sharpenSigma();
        if (sigma == null) {
            return;
        }
        context.image(mask.apply(context.image(), sigma));
    }
}
