package io.imgorigin.processing.pipeline;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Duration;

import io.imgorigin.options.Fit;
import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.ResizePlan;

/** Processing contexts in the state the transform steps find them in. */
public final class Contexts {

    private Contexts() {
    }

    public static ImageOptions options(FormatRequest format, Gravity gravity, Rgba background) {
        return new ImageOptions(null, null, format, 80, Fit.COVER, gravity, BigDecimal.ONE, background, false);
    }

    public static ProcessingContext context(ImageOptions options, boolean acceptsWebp) {
        return new ProcessingContext(new byte[0],
                new ProcessingRequest(options, acceptsWebp, Deadline.after(Duration.ofMinutes(1))));
    }

    public static ProcessingContext working(BufferedImage image, ResizePlan plan, OutputFormat output, ImageOptions options) {
        ProcessingContext context = context(options, false);
        context.image(image);
        context.hasAlpha(image.getColorModel().hasAlpha());
        context.plan(plan);
        context.outputFormat(output);
        return context;
    }
}
