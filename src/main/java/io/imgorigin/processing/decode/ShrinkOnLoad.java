package io.imgorigin.processing.decode;

import java.awt.Dimension;

import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.resize.Resizer;

/**
 * How much smaller than the source a reader may decode for a resize to {@code scaled}, both in stored
 * orientation. The rule is libvips': leave the resizer at least twice its output, so its Lanczos3 has
 * detail to work with. Where the resizer would average blocks of the decoded image before that (more
 * than a 3× reduction left, see {@link Resizer#blockFactor}), the decoder may do that reduction itself.
 */
public record ShrinkOnLoad(Dimension source, Dimension scaled, int halving) {

    /**
     * A decoded side stays below this multiple of the scaled side: the scaling readers keep twice it, and
     * point subsampling keeps under three times what they would (see {@code ImageIoDecoder}).
     */
    public static final int DECODED_SIDE_BOUND = 8;

    private static final int MARGIN = 2;
    private static final int LARGEST_HALVING = 8;

    /** The reduction chosen by the rule above. */
    public ShrinkOnLoad(Dimension source, Dimension scaled) {
        this(source, scaled, 0);
    }

    /**
     * Exactly 1/{@code halving} for a DCT-scaling reader and no reduction for the others, where a step cuts
     * the decoded image at coordinates that must fall on whole pixels.
     */
    static ShrinkOnLoad halvedBy(Dimension source, int halving) {
        return new ShrinkOnLoad(source, source, halving);
    }

    /** The power of two, at most 8, that {@link #halvings()} decodes at on both sides. */
    int largestHalving() {
        return Math.min(halvingOf(source.width, scaled.width), halvingOf(source.height, scaled.height));
    }

    /** No reduction: the whole source is decoded (the first frame of an animation, placed on its canvas). */
    static ShrinkOnLoad none(Dimension source) {
        return new ShrinkOnLoad(source, source);
    }

    /**
     * The reduction the plan allows. A pending trim or crop cuts the full-size image by pixel coordinates,
     * so the source is then decoded whole and at full size (a crop of a JPEG has its own path, see
     * {@code DecodeStep}); a quarter turn of {@code rot} swaps the sides the scaled size refers to, as a
     * transposing orientation does.
     */
    static ShrinkOnLoad of(ResizePlan plan, Dimension source, boolean transposed) {
        if (plan.edits().trim() != null || plan.edits().crop() != null) {
            return none(source);
        }
        boolean swapped = transposed != plan.edits().swapsSides();
        int scaledWidth = swapped ? plan.scaledHeight() : plan.scaledWidth();
        int scaledHeight = swapped ? plan.scaledWidth() : plan.scaledHeight();
        return new ShrinkOnLoad(source, new Dimension(scaledWidth, scaledHeight));
    }

    /**
     * For a reader that scales to any size (libwebp) and as the basis of point subsampling: twice the
     * scaled size, but no more than the resizer keeps after averaging blocks of a full decode. The second
     * bound matters only for reductions between 3× and 4×, where the resizer would average 2×2 blocks.
     */
    Dimension anySize() {
        if (halving > 0) {
            return source;
        }
        return new Dimension(anySizeSide(source.width, scaled.width), anySizeSide(source.height, scaled.height));
    }

    /**
     * For a reader that can only halve (libjpeg-turbo's DCT scaling to 1/2, 1/4 or 1/8): the smallest
     * halving that keeps twice the scaled size, or the halving after it where the resizer would average
     * 2×2 blocks of that one, which it does when more than a 3× reduction is left: the DCT then does the
     * averaging on a quarter of the pixels. Between 3× and 4× of a full decode that is the 1/2 decode itself.
     */
    Dimension halvings() {
        if (halving > 0) {
            return new Dimension(Math.ceilDiv(source.width, halving), Math.ceilDiv(source.height, halving));
        }
        return new Dimension(halvingsSide(source.width, scaled.width), halvingsSide(source.height, scaled.height));
    }

    private static int anySizeSide(int source, int scaled) {
        return kept(source, scaled, 1);
    }

    private static int halvingsSide(int source, int scaled) {
        return kept(source, scaled, halvingOf(source, scaled));
    }

    private static int halvingOf(int source, int scaled) {
        int halving = 1;
        while (halving < LARGEST_HALVING && (double) source / (2 * halving) >= (double) MARGIN * scaled) {
            halving *= 2;
        }
        return halving;
    }

    /**
     * Twice the scaled size, but no more than the resizer keeps after averaging blocks of the source
     * decoded at 1/{@code halving}, and never more than the source.
     */
    private static int kept(int source, int scaled, int halving) {
        int block = Resizer.blockFactor((double) source / halving / scaled);
        return (int) Math.min(Math.min(source, (long) MARGIN * scaled), Math.ceilDiv(source, halving * block));
    }
}
