package io.imgorigin.processing.filter;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/** {@code blur}: a Gaussian blur of the resized image, sigma in output pixels. */
public final class BlurStep implements ProcessingStep {

    private final GaussianBlur blur;

    public BlurStep(GaussianBlur blur) {
        this.blur = blur;
    }

    @Override
    public String name() {
        return "blur";
    }

    @Override
    public void apply(ProcessingContext context) {
        Double sigma = context.request().options().blurSigma();
        if (sigma == null) {
            return;
        }
        context.image(blur.apply(context.image(), sigma));
    }
}
