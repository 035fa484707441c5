package io.imgorigin.options;

import java.util.Locale;

/** Which part of the image a {@code cover} crop keeps. */
public enum Gravity {
    CENTER(0.5, 0.5), TOP(0.5, 0), BOTTOM(0.5, 1), LEFT(0, 0.5), RIGHT(1, 0.5),
    TOP_LEFT(0, 0), TOP_RIGHT(1, 0), BOTTOM_LEFT(0, 1), BOTTOM_RIGHT(1, 1), SMART(0.5, 0.5),
    /** {@code g=fp:X,Y}: the point itself is {@link Edits#focalPoint()}; the crop centres on it. */
    FOCAL_POINT(0.5, 0.5);

    private final double x;
    private final double y;

    Gravity(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /** Horizontal anchor: 0 keeps the left edge, 1 the right edge. */
    public double x() {
        return x;
    }

    /** Vertical anchor: 0 keeps the top edge, 1 the bottom edge. */
    public double y() {
        return y;
    }

    /** The option's spelling; a focal point is written {@code fp:X,Y} with its coordinates. */
    public String token() {
        if (this == FOCAL_POINT) {
            return "fp";
        }
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
