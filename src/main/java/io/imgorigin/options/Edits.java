package io.imgorigin.options;

import java.math.BigDecimal;

/**
 * The editing options of SPEC section 2 beyond the resize ones, grouped so that callers which ask for none
 * of them keep a short {@link ImageOptions} constructor.
 *
 * @param trim       the {@code trim} threshold 0..255, or null
 * @param crop       the {@code crop} region as asked, or null
 * @param rotation   the {@code rot} option: 0, 90, 180 or 270 degrees clockwise
 * @param flip       the {@code flip} option, or null
 * @param pad        the {@code pad} margins in CSS pixels ({@link Padding#NONE} when absent)
 * @param blur       the {@code blur} sigma 0.3..100, or null
 * @param sharpen    the {@code sharpen} sigma 0.3..10, or null
 * @param focalPoint the point of {@code g=fp:X,Y}, or null (then {@link ImageOptions#gravity()} is not
 *                   {@link Gravity#FOCAL_POINT})
 * @param animate    the {@code anim} option
 */
public record Edits(Integer trim, Crop crop, int rotation, Flip flip, Padding pad, BigDecimal blur,
        BigDecimal sharpen, FocalPoint focalPoint, boolean animate) {

    private static final Edits NONE = new Edits(null, null, 0, null, Padding.NONE, null, null, null, true);

    public Edits {
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rot is 0, 90, 180 or 270, not " + rotation);
        }
        if (trim != null && (trim < 0 || trim > 255)) {
            throw new IllegalArgumentException("trim is 0..255, not " + trim);
        }
        pad = pad == null ? Padding.NONE : pad;
        blur = blur == null ? null : blur.stripTrailingZeros();
        sharpen = sharpen == null ? null : sharpen.stripTrailingZeros();
    }

    /** No edit, animation kept: what a request without any of these options asks for. */
    public static Edits none() {
        return NONE;
    }

    /** Whether {@code rot} swaps width and height. */
    public boolean swapsSides() {
        return rotation == 90 || rotation == 270;
    }
}
