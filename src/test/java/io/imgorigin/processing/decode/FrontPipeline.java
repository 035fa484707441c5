package io.imgorigin.processing.decode;

import io.imgorigin.processing.color.ColorStep;
import io.imgorigin.processing.color.DefaultCmykProfile;
import io.imgorigin.processing.probe.HeaderReader;
import io.imgorigin.processing.probe.ProbeStep;

import java.time.Duration;
import java.util.List;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.processing.orient.OrientStep;

/** The steps from source bytes to the upright sRGB working image, run directly. */
public final class FrontPipeline {

    static final long MAX_PIXELS = 50_000_000;
    static final int MAX_FRAMES = 1000;

    private final List<ProcessingStep> steps;

    public FrontPipeline(boolean nativeCodecs) {
        this.steps = List.of(new ProbeStep(new HeaderReader(), new Geometry(8192), MAX_PIXELS, MAX_FRAMES),
                new DecodeStep(nativeCodecs), new ColorStep(new DefaultCmykProfile()), new OrientStep());
    }

    /** Runs the steps on a context the caller closes. */
    public ProcessingContext run(byte[] source, String query) {
        ProcessingRequest request = new ProcessingRequest(new OptionsParser(8192, 80).parse(query).options(), false,
                Deadline.after(Duration.ofMinutes(1)));
        ProcessingContext context = new ProcessingContext(source, request);
        for (ProcessingStep step : steps) {
            step.apply(context);
        }
        return context;
    }
}
