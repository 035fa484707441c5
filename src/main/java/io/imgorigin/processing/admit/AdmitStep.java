package io.imgorigin.processing.admit;

import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;

import io.imgorigin.processing.animate.AnimatedFormat;
import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.processing.decode.ShrinkOnLoad;
import io.imgorigin.processing.pipeline.ResizePlan;

/**
 * Reserves the request's share of the {@link MemoryBudget} once the header has told the sizes and
 * before any pixel is decoded. The estimate covers the decoded image (bounded by shrink-on-load, never
 * more than the source) with the copies that colour conversion and orientation may make, and the
 * output-sized canvases of resize, pad and flatten, pad margins included (a cover crop resamples only the region
 * it keeps).
 * When the answer may be AVIF, it also covers the AV1 encoder's native working memory, which is outside the
 * heap but grows with the output as much as the heap's canvases do.
 * An animation kept whole decodes every frame at full canvas size; its reader holds the canvas it composites
 * on and the one it restores, and its encoder some output-sized canvases and the encoded frames so far.
 */
public final class AdmitStep implements ProcessingStep {

    private static final long BYTES_PER_PIXEL = 4;
    private static final long DECODE_COPIES = 3;
    private static final long OUTPUT_COPIES = 3;
    private static final long DECODE_OVER_SCALED = (long) ShrinkOnLoad.DECODED_SIDE_BOUND * ShrinkOnLoad.DECODED_SIDE_BOUND;
    /**
     * libheif with libaom, one thread: resident memory an encode adds, per output pixel and at least; an upper
     * fit to the growth measured at 0.1 to 4.5 MP (bench/README.md, "AVIF encoder memory").
     */
    static final long AVIF_ENCODER_BYTES_PER_PIXEL = 40;
    static final long AVIF_ENCODER_BASE_BYTES = 16L << 20;

    /** The composited canvas, the one kept for disposal, and the frame being decoded. */
    private static final long READER_CANVASES = 3;
    /** Previous and current canvases and candidate sub-frames of the animation encoder. */
    private static final long ENCODER_CANVASES = 4;
    /** A generous bound on the encoded output per output pixel and frame. */
    private static final long ENCODED_BYTES_PER_PIXEL = 1;

    private final MemoryBudget budget;
    private final AnimationCodecs animation;

    public AdmitStep(MemoryBudget budget, AnimationCodecs animation) {
        this.budget = budget;
        this.animation = animation;
    }

    public AdmitStep(MemoryBudget budget) {
        this(budget, AnimationCodecs.none());
    }

    @Override
    public String name() {
        return "admit";
    }

    @Override
    public void apply(ProcessingContext context) {
        context.onClose(budget.reserve(AnimatedFormat.of(context, animation) != null
                ? animationEstimate(context) : estimate(context)));
    }

    static long animationEstimate(ProcessingContext context) {
        ResizePlan plan = context.plan();
        long canvasPixels = (long) context.storedWidth() * context.storedHeight();
        long outputPixels = (long) plan.paddedWidth() * plan.paddedHeight();
        long pixels = saturatedAdd(saturatedMultiply(canvasPixels, READER_CANVASES + DECODE_COPIES),
                saturatedMultiply(outputPixels, OUTPUT_COPIES + ENCODER_CANVASES));
        long encoded = saturatedMultiply(saturatedMultiply(outputPixels, Math.max(context.frames(), 1)),
                ENCODED_BYTES_PER_PIXEL);
        return saturatedAdd(saturatedMultiply(pixels, BYTES_PER_PIXEL), encoded);
    }

    static long estimate(ProcessingContext context) {
        ResizePlan plan = context.plan();
        long sourcePixels = (long) context.storedWidth() * context.storedHeight();
        long scaledPixels = (long) plan.scaledWidth() * plan.scaledHeight();
        long outputPixels = (long) plan.paddedWidth() * plan.paddedHeight();
        long decodedPixels = Math.min(sourcePixels, saturatedMultiply(scaledPixels, DECODE_OVER_SCALED));
        long pixels = saturatedMultiply(decodedPixels, DECODE_COPIES) + saturatedMultiply(outputPixels, OUTPUT_COPIES);
        long bytes = saturatedMultiply(pixels, BYTES_PER_PIXEL);
        if (mayWriteAvif(context)) {
            bytes = saturatedAdd(bytes, avifEncoderBytes(outputPixels));
        }
        return bytes;
    }

    /** The AV1 encoder's native memory for an output of that many pixels. */
    static long avifEncoderBytes(long outputPixels) {
        return saturatedAdd(AVIF_ENCODER_BASE_BYTES, saturatedMultiply(outputPixels, AVIF_ENCODER_BYTES_PER_PIXEL));
    }

    /**
     * Whether the format step may choose AVIF: asked for by name, chosen for {@code f=auto} from the Accept
     * header, or the source's own format. The format step runs after the decode, so this is decided here from
     * the same inputs; where AVIF cannot be written the estimate is merely cautious.
     */
    static boolean mayWriteAvif(ProcessingContext context) {
        return switch (context.request().options().format()) {
            case AVIF -> true;
            case AUTO -> context.request().autoFormat() == OutputFormat.AVIF;
            case ORIGINAL -> context.sourceFormat() != null && context.sourceFormat().sameOutput() == OutputFormat.AVIF;
            default -> false;
        };
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high == 0 && a * b >= 0 ? a * b : Long.MAX_VALUE;
    }
}
