package io.imgorigin.processing.transform;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Duration;

import io.imgorigin.options.Fit;
import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.Deadline;
import io.imgorigin.processing.OutputFormat;
import io.imgorigin.processing.ProcessingContext;
import io.imgorigin.processing.ProcessingRequest;
import io.imgorigin.processing.geometry.ResizePlan;

/** Processing contexts in the state the transform steps find them in. */
final class Contexts {

    private Contexts() {
    }

    static ImageOptions options(FormatRequest format, Gravity gravity, Rgba background) {
        return new ImageOptions(null, null, format, 80, Fit.COVER, gravity, BigDecimal.ONE, background, false);
    }

    static ProcessingContext context(ImageOptions options, boolean acceptsWebp) {
        return new ProcessingContext(new byte[0],
                new ProcessingRequest(options, acceptsWebp, Deadline.after(Duration.ofMinutes(1))));
    }

    static ProcessingContext working(BufferedImage image, ResizePlan plan, OutputFormat output, ImageOptions options) {
        ProcessingContext context = context(options, false);
        context.image(image);
        context.hasAlpha(image.getColorModel().hasAlpha());
        context.plan(plan);
        context.outputFormat(output);
        return context;
    }
}
