package io.imgorigin.processing.animate;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.SourceFormat;

/**
 * Whether a request's result is an animation (SPEC section 2.2) and in which format: an animated GIF or WebP
 * with more than one frame, {@code anim} not false, and an output of gif or webp, or {@code f=auto}, which
 * gives webp when the client takes it and animated WebP can be written, else gif (never AVIF). Decided from
 * the header and the options alone, so admission can count on it before anything is decoded.
 */
public final class AnimatedFormat {

    private AnimatedFormat() {
    }

    /** The animated output format, or null when the result is a single image. */
    public static OutputFormat of(ProcessingContext context, AnimationCodecs codecs) {
        SourceFormat source = context.sourceFormat();
        ImageOptions options = context.request().options();
        if (source != SourceFormat.GIF && source != SourceFormat.WEBP || context.frames() <= 1
                || !options.animate() || !codecs.reads(source)) {
            return null;
        }
        OutputFormat format = switch (options.format()) {
            case WEBP -> OutputFormat.WEBP;
            case GIF -> OutputFormat.GIF;
            case AUTO -> context.request().animatedAutoFormat() == OutputFormat.WEBP && codecs.writes(OutputFormat.WEBP)
                    ? OutputFormat.WEBP : OutputFormat.GIF;
            case ORIGINAL -> source.sameOutput();
            default -> null;
        };
        return format != null && codecs.writes(format) ? format : null;
    }
}
