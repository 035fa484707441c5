package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.imgorigin.options.Quality;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

/**
 * Encodes the working image in the decided output format at the request's quality: its {@code q}, or
 * without one the format's own default ({@code imgorigin.format.quality.<format>}). An animation encoded
 * frame by frame before this step is left as it is.
 */
public final class EncodeStep implements ProcessingStep {

    private final Map<OutputFormat, ImageEncoder> encoders = new EnumMap<>(OutputFormat.class);

    public EncodeStep(List<ImageEncoder> encoders) {
        for (ImageEncoder encoder : encoders) {
            this.encoders.putIfAbsent(encoder.format(), encoder);
        }
        for (OutputFormat format : OutputFormat.values()) {
            if (!this.encoders.containsKey(format)) {
                throw new IllegalArgumentException("no encoder for " + format);
            }
        }
    }

    @Override
    public String name() {
        return "encode";
    }

    @Override
    public void apply(ProcessingContext context) {
        if (context.result() != null) {
            return;
        }
        OutputFormat format = context.outputFormat();
        BufferedImage image = context.image();
        byte[] bytes = encoders.get(format).encode(image, quality(format, context.request().options().quality()));
        context.result(new ProcessedImage(bytes, format, image.getWidth(), image.getHeight()));
    }

    /** The request's {@code q}, or without it the format's own default (PNG and GIF ignore it). */
    static int quality(OutputFormat format, Quality quality) {
        return switch (format) {
            case JPEG, PNG, GIF -> quality.jpeg();
            case WEBP -> quality.webp();
            case AVIF -> quality.avif();
        };
    }
}
