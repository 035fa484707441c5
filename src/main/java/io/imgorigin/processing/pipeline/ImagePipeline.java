package io.imgorigin.processing.pipeline;

import java.util.List;
import java.util.function.Function;

/** Runs the processing steps in the order given, checking the request's deadline before each one. */
public final class ImagePipeline implements ImageProcessor {

    private final List<ProcessingStep> steps;
    private final StageObserver observer;

    public ImagePipeline(List<ProcessingStep> steps, StageObserver observer) {
        this.steps = List.copyOf(steps);
        this.observer = observer;
    }

    @Override
    public ProcessedImage process(byte[] source, ProcessingRequest request) {
        ProcessedImage result = run(source, request, ProcessingContext::result);
        if (result == null) {
            throw new IllegalStateException("the pipeline ended without an encoded image");
        }
        return result;
    }

    /**
     * Runs the steps and takes {@code outcome} from the context they leave, before its resources (the
     * memory reservation among them) are given back: the encoded image, an info answer, a decoded image.
     */
    public <T> T run(byte[] source, ProcessingRequest request, Function<ProcessingContext, T> outcome) {
        try (ProcessingContext context = new ProcessingContext(source, request)) {
            for (ProcessingStep step : steps) {
                request.deadline().check(step.name());
                long started = System.nanoTime();
                step.apply(context);
                observer.stepFinished(step.name(), System.nanoTime() - started);
            }
            return outcome.apply(context);
        }
    }

    public List<String> stepNames() {
        return steps.stream().map(ProcessingStep::name).toList();
    }
}
