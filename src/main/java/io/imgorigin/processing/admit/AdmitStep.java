package io.imgorigin.processing.admit;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

import io.imgorigin.processing.decode.ShrinkOnLoad;
import io.imgorigin.processing.pipeline.ResizePlan;

/**
 * Reserves the request's share of the {@link MemoryBudget} once the header has told the sizes and
 * before any pixel is decoded. The estimate covers the decoded image (bounded by shrink-on-load, never
 * more than the source) with the copies that colour conversion and orientation may make, and the
 * output-sized canvases of resize, pad and flatten (a cover crop resamples only the region it keeps).
 */
public final class AdmitStep implements ProcessingStep {

    private static final long BYTES_PER_PIXEL = 4;
    private static final long DECODE_COPIES = 3;
    private static final long OUTPUT_COPIES = 3;
    private static final long DECODE_OVER_SCALED = (long) ShrinkOnLoad.DECODED_SIDE_BOUND * ShrinkOnLoad.DECODED_SIDE_BOUND;

    private final MemoryBudget budget;

    public AdmitStep(MemoryBudget budget) {
        this.budget = budget;
    }

    @Override
    public String name() {
        return "admit";
    }

    @Override
    public void apply(ProcessingContext context) {
        context.onClose(budget.reserve(estimate(context)));
    }

    static long estimate(ProcessingContext context) {
        ResizePlan plan = context.plan();
        long sourcePixels = (long) context.storedWidth() * context.storedHeight();
        long scaledPixels = (long) plan.scaledWidth() * plan.scaledHeight();
        long outputPixels = (long) plan.outputWidth() * plan.outputHeight();
        long decodedPixels = Math.min(sourcePixels, saturatedMultiply(scaledPixels, DECODE_OVER_SCALED));
        long pixels = saturatedMultiply(decodedPixels, DECODE_COPIES) + saturatedMultiply(outputPixels, OUTPUT_COPIES);
        return saturatedMultiply(pixels, BYTES_PER_PIXEL);
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high == 0 && a * b >= 0 ? a * b : Long.MAX_VALUE;
    }
}
