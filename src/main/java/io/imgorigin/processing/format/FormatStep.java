package io.imgorigin.processing.format;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/**
 * Decides the output format (SPEC section 2, {@code f}): an explicit format wins; {@code auto} takes
 * WebP when the client accepts it; otherwise, and without {@code f}, the source's own format when it
 * is writable, else PNG for an image with alpha and JPEG for one without.
 */
public final class FormatStep implements ProcessingStep {

    @Override
    public String name() {
        return "format";
    }

    @Override
    public void apply(ProcessingContext context) {
        context.outputFormat(decide(context));
    }

    private static OutputFormat decide(ProcessingContext context) {
        FormatRequest requested = context.request().options().format();
        return switch (requested) {
            case JPEG -> OutputFormat.JPEG;
            case PNG -> OutputFormat.PNG;
            case WEBP -> OutputFormat.WEBP;
            case AUTO -> context.request().acceptsWebp() ? OutputFormat.WEBP : byAlpha(context);
            case ORIGINAL -> context.sourceFormat() != null && context.sourceFormat().sameOutput() != null
                    ? context.sourceFormat().sameOutput()
                    : byAlpha(context);
        };
    }

    private static OutputFormat byAlpha(ProcessingContext context) {
        return context.hasAlpha() ? OutputFormat.PNG : OutputFormat.JPEG;
    }
}
