package io.imgorigin.processing.format;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.processing.animate.AnimatedFormat;
import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.SourceFormat;

/**
 * Decides the output format (SPEC section 2.1, {@code f}): an explicit format wins; {@code auto} takes what
 * was chosen from the client's Accept header ({@link OutputFormats#autoChoice}); otherwise, and without
 * {@code f}, the source's own format when this server writes it, else PNG for an image with alpha or an SVG
 * and JPEG for the rest. An animated result's format is {@link AnimatedFormat}'s (webp or gif).
 */
public final class FormatStep implements ProcessingStep {

    private final OutputFormats formats;
    private final AnimationCodecs animation;

    public FormatStep(OutputFormats formats, AnimationCodecs animation) {
        this.formats = formats;
        this.animation = animation;
    }

    public FormatStep(OutputFormats formats) {
        this(formats, AnimationCodecs.none());
    }

    public FormatStep() {
        this(OutputFormats.all());
    }

    @Override
    public String name() {
        return "format";
    }

    @Override
    public void apply(ProcessingContext context) {
        context.outputFormat(decide(context));
    }

    private OutputFormat decide(ProcessingContext context) {
        OutputFormat animated = AnimatedFormat.of(context, animation);
        if (animated != null) {
            return animated;
        }
        FormatRequest requested = context.request().options().format();
        return switch (requested) {
            case JPEG -> OutputFormat.JPEG;
            case PNG -> OutputFormat.PNG;
            case WEBP -> OutputFormat.WEBP;
            case AVIF -> OutputFormat.AVIF;
            case GIF -> {
                if (!formats.writes(OutputFormat.GIF)) {
                    throw new InvalidOptionException("f", "gif output is not available on this server");
                }
                yield OutputFormat.GIF;
            }
            case AUTO -> context.request().autoFormat() != null && formats.writes(context.request().autoFormat())
                    ? context.request().autoFormat()
                    : byAlpha(context);
            case ORIGINAL -> context.sourceFormat() != null && context.sourceFormat().sameOutput() != null
                    && formats.writes(context.sourceFormat().sameOutput())
                    ? context.sourceFormat().sameOutput()
                    : byAlpha(context);
        };
    }

    private static OutputFormat byAlpha(ProcessingContext context) {
        return context.hasAlpha() || context.sourceFormat() == SourceFormat.SVG ? OutputFormat.PNG : OutputFormat.JPEG;
    }
}
