package io.imgorigin.processing.pipeline;

import io.imgorigin.options.Padding;

/**
 * How an upright source becomes the output: first the {@link EditPlan} (trim, crop, rot, flip) turns it
 * into an image of {@code sourceWidth}×{@code sourceHeight}; that is scaled (possibly stretching) to
 * {@code scaledWidth}×{@code scaledHeight}, then either cropped ({@link Finish#CROP}) or padded
 * ({@link Finish#PAD}) to {@code outputWidth}×{@code outputHeight}, or kept as it is ({@link Finish#NONE},
 * where output equals scaled); last the {@code pad} margins go around it ({@link #paddedWidth()}).
 */
public record ResizePlan(
        int sourceWidth, int sourceHeight,
        int scaledWidth, int scaledHeight,
        int outputWidth, int outputHeight,
        Finish finish,
        EditPlan edits,
        Padding pad) {

    public enum Finish { NONE, CROP, PAD }

    public ResizePlan {
        edits = edits == null ? EditPlan.NONE : edits;
        pad = pad == null ? Padding.NONE : pad;
    }

    /** A plan without edits or margins. */
    public ResizePlan(int sourceWidth, int sourceHeight, int scaledWidth, int scaledHeight, int outputWidth,
            int outputHeight, Finish finish) {
        this(sourceWidth, sourceHeight, scaledWidth, scaledHeight, outputWidth, outputHeight, finish, EditPlan.NONE,
                Padding.NONE);
    }

    public boolean resizes() {
        return scaledWidth != sourceWidth || scaledHeight != sourceHeight;
    }

    /** The width of the output with the {@code pad} margins. */
    public int paddedWidth() {
        return outputWidth + pad.horizontal();
    }

    /** The height of the output with the {@code pad} margins. */
    public int paddedHeight() {
        return outputHeight + pad.vertical();
    }

    /** This plan with other edits still to do. */
    public ResizePlan withEdits(EditPlan value) {
        return new ResizePlan(sourceWidth, sourceHeight, scaledWidth, scaledHeight, outputWidth, outputHeight, finish,
                value, pad);
    }
}
