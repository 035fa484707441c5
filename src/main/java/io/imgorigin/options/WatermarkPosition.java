package io.imgorigin.options;

import java.util.Locale;

/**
 * Where {@code wm} draws the watermark: at one of the nine compass points of the output (the anchors of
 * {@link Gravity}), or repeated over all of it from the top-left corner ({@link #TILE}).
 */
public enum WatermarkPosition {
    CENTER(Gravity.CENTER), TOP(Gravity.TOP), BOTTOM(Gravity.BOTTOM), LEFT(Gravity.LEFT), RIGHT(Gravity.RIGHT),
    TOP_LEFT(Gravity.TOP_LEFT), TOP_RIGHT(Gravity.TOP_RIGHT), BOTTOM_LEFT(Gravity.BOTTOM_LEFT),
    BOTTOM_RIGHT(Gravity.BOTTOM_RIGHT), TILE(Gravity.TOP_LEFT);

    private final Gravity anchor;

    WatermarkPosition(Gravity anchor) {
        this.anchor = anchor;
    }

    /** Horizontal anchor: 0 at the left edge, 1 at the right edge. */
    public double x() {
        return anchor.x();
    }

    /** Vertical anchor: 0 at the top edge, 1 at the bottom edge. */
    public double y() {
        return anchor.y();
    }

    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
