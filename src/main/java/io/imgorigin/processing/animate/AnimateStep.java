package io.imgorigin.processing.animate;

import java.awt.image.BufferedImage;
import java.util.List;

import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.FrameWriter;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.resize.DetailFinder;

/**
 * Makes an animated result (see {@link AnimatedFormat}) frame by frame: each composited frame is read, taken
 * through the same per-frame steps as a still image with the same geometry and options, and handed to the
 * encoder, so only about one canvas is held at a time. Delays and the loop count are kept. Decisions that
 * look at pixels ({@code g=smart}) are made on the first frame and reused. A single-image result is left to
 * the steps that follow.
 */
public final class AnimateStep implements ProcessingStep {

    private final AnimationCodecs codecs;
    private final FrameSteps frameSteps;
    private final DetailFinder finder;

    public AnimateStep(AnimationCodecs codecs, FrameSteps frameSteps, DetailFinder finder) {
        this.codecs = codecs;
        this.frameSteps = frameSteps;
        this.finder = finder;
    }

    @Override
    public String name() {
        return "animate";
    }

    @Override
    public void apply(ProcessingContext context) {
        OutputFormat format = AnimatedFormat.of(context, codecs);
        if (format == null) {
            return;
        }
        context.outputFormat(format);
        List<ProcessingStep> steps = frameSteps.build(new FirstFrameCropPlacer(finder));
        try (FrameReader reader = codecs.reader(context.sourceFormat(), context.source())) {
            if (reader.canvasWidth() != context.storedWidth() || reader.canvasHeight() != context.storedHeight()) {
                throw new UnusableImageException("the animation's canvas (" + reader.canvasWidth() + "×"
                        + reader.canvasHeight() + ") is not the one its header declares (" + context.storedWidth()
                        + "×" + context.storedHeight() + ")");
            }
            encode(context, format, reader, steps);
        }
    }

    private void encode(ProcessingContext context, OutputFormat format, FrameReader reader,
            List<ProcessingStep> steps) {
        FrameWriter writer = null;
        try {
            int frames = 0;
            int width = 0;
            int height = 0;
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next()) {
                if (++frames > context.frames()) {
                    throw new UnusableImageException("the animation has more frames than its header declares ("
                            + context.frames() + ")");
                }
                BufferedImage image = processed(context, frame.image(), steps);
                if (writer == null) {
                    width = image.getWidth();
                    height = image.getHeight();
                    writer = codecs.writer(format, width, height, reader.loopCount(), quality(context, format));
                }
                writer.add(new AnimationFrame(image, frame.delayMillis()));
                context.request().deadline().check(name());
            }
            if (writer == null) {
                throw new UnusableImageException("the animation has no frame");
            }
            context.result(new ProcessedImage(writer.finish(), format, width, height));
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
    }

    /** One frame through the per-frame steps, in a context of its own that shares the request's plan. */
    private static BufferedImage processed(ProcessingContext animation, BufferedImage canvas,
            List<ProcessingStep> steps) {
        try (ProcessingContext frame = new ProcessingContext(animation.source(), animation.request())) {
            frame.sourceFormat(animation.sourceFormat());
            frame.storedSize(animation.storedWidth(), animation.storedHeight());
            frame.orientation(animation.orientation());
            frame.frames(animation.frames());
            frame.plan(animation.plan());
            frame.outputFormat(animation.outputFormat());
            frame.hasAlpha(true);
            frame.image(canvas);
            for (ProcessingStep step : steps) {
                step.apply(frame);
            }
            return frame.image();
        }
    }

    private static int quality(ProcessingContext context, OutputFormat format) {
        return format == OutputFormat.WEBP ? context.request().options().quality().webp()
                : context.request().options().quality().jpeg();
    }
}
