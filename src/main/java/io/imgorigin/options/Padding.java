package io.imgorigin.options;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Margins in pixels, clockwise from the top as CSS writes them (the {@code pad} option is in CSS pixels). */
public record Padding(int top, int right, int bottom, int left) {

    public static final Padding NONE = new Padding(0, 0, 0, 0);

    public Padding {
        if (top < 0 || right < 0 || bottom < 0 || left < 0) {
            throw new IllegalArgumentException("margins cannot be negative");
        }
    }

    public boolean isNone() {
        return top == 0 && right == 0 && bottom == 0 && left == 0;
    }

    public int horizontal() {
        return left + right;
    }

    public int vertical() {
        return top + bottom;
    }

    /** These margins times the device pixel ratio, each rounded half up like {@code w} and {@code h}. */
    public Padding times(BigDecimal dpr) {
        return new Padding(scale(top, dpr), scale(right, dpr), scale(bottom, dpr), scale(left, dpr));
    }

    private static int scale(int side, BigDecimal dpr) {
        return BigDecimal.valueOf(side).multiply(dpr).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    String canonical() {
        return top + "," + right + "," + bottom + "," + left;
    }
}
