package io.imgorigin.processing.decode;

import java.time.Duration;
import java.util.List;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.Deadline;
import io.imgorigin.processing.ProcessingContext;
import io.imgorigin.processing.ProcessingRequest;
import io.imgorigin.processing.ProcessingStep;
import io.imgorigin.processing.geometry.Geometry;
import io.imgorigin.processing.orient.OrientStep;

/** The steps from source bytes to the upright sRGB working image, run directly. */
final class FrontPipeline {

    static final long MAX_PIXELS = 50_000_000;
    static final int MAX_FRAMES = 1000;

    private final List<ProcessingStep> steps;

    FrontPipeline(boolean nativeCodecs) {
        this.steps = List.of(new ProbeStep(new HeaderReader(), new Geometry(8192), MAX_PIXELS, MAX_FRAMES),
                new DecodeStep(nativeCodecs), new ColorStep(new DefaultCmykProfile()), new OrientStep());
    }

    /** Runs the steps on a context the caller closes. */
    ProcessingContext run(byte[] source, String query) {
        ProcessingRequest request = new ProcessingRequest(new OptionsParser(8192, 80).parse(query).options(), false,
                Deadline.after(Duration.ofMinutes(1)));
        ProcessingContext context = new ProcessingContext(source, request);
        for (ProcessingStep step : steps) {
            step.apply(context);
        }
        return context;
    }
}
