package io.imgorigin.processing.pipeline;

/** One stage of the pipeline; the pipeline checks the deadline before each. */
public interface ProcessingStep {

    /** Short lower-case name, used in metrics and timeout messages (e.g. "decode"). */
    String name();

    void apply(ProcessingContext context);
}
