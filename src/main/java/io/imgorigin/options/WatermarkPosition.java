package io.imgorigin.options;

import java.util.Locale;

/**
 * Where {@code wm} draws the watermark: at one of the nine compass points of the output, or repeated
 * over all of it ({@link #TILE}).
 */
public enum WatermarkPosition {
    CENTER(0.5, 0.5), TOP(0.5, 0), BOTTOM(0.5, 1), LEFT(0, 0.5), RIGHT(1, 0.5),
    TOP_LEFT(0, 0), TOP_RIGHT(1, 0), BOTTOM_LEFT(0, 1), BOTTOM_RIGHT(1, 1), TILE(0, 0);

    private final double x;
    private final double y;

    WatermarkPosition(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /** Horizontal anchor: 0 at the left edge, 1 at the right edge. */
    public double x() {
        return x;
    }

    /** Vertical anchor: 0 at the top edge, 1 at the bottom edge. */
    public double y() {
        return y;
    }

    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
