package io.imgorigin.processing.pipeline;

import java.util.List;

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
        try (ProcessingContext context = new ProcessingContext(source, request)) {
            for (ProcessingStep step : steps) {
                request.deadline().check(step.name());
                long started = System.nanoTime();
                step.apply(context);
                observer.stepFinished(step.name(), System.nanoTime() - started);
            }
            if (context.result() == null) {
                throw new IllegalStateException("the pipeline ended without an encoded image");
            }
            return context.result();
        }
    }

    public List<String> stepNames() {
        return steps.stream().map(ProcessingStep::name).toList();
    }
}
