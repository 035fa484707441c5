package io.imgorigin.processing.pipeline;

/**
 * What happens to the upright source before the resize, in SPEC order: {@code trim}, {@code crop},
 * {@code rot}, {@code flip}. The plan holds only what is still to do: a step that has done its part (or a
 * decoder that did the crop while decoding) replaces the plan with one without it.
 *
 * @param trim     the trim threshold still to apply, or null; while it is pending the sizes of the plan are
 *                 provisional and the trim step plans again from the trimmed size
 * @param crop     the region to keep, in upright pixels and clipped to the image, or null
 * @param rotation clockwise degrees: 0, 90, 180 or 270
 */
public record EditPlan(Integer trim, Region crop, int rotation, boolean flipHorizontal, boolean flipVertical) {

    public static final EditPlan NONE = new EditPlan(null, null, 0, false, false);

    /** Whether the rotation swaps width and height. */
    public boolean swapsSides() {
        return rotation == 90 || rotation == 270;
    }

    public EditPlan withoutTrim() {
        return new EditPlan(null, crop, rotation, flipHorizontal, flipVertical);
    }

    public EditPlan withoutCrop() {
        return new EditPlan(trim, null, rotation, flipHorizontal, flipVertical);
    }
}
