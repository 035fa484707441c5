package io.imgorigin.processing.pipeline;

/** Told how long each processing step took; metrics listen here. */
@FunctionalInterface
public interface StageObserver {

    StageObserver NONE = (step, nanos) -> { };

    void stepFinished(String step, long nanos);
}
