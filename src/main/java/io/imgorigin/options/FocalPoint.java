package io.imgorigin.options;

import java.math.BigDecimal;

/**
 * The point {@code g=fp:X,Y} centres a {@code cover} crop on, in fractions 0..1 of the width and height of
 * the image as it stands after {@code flip}.
 */
public record FocalPoint(BigDecimal x, BigDecimal y) {

    public FocalPoint {
        for (BigDecimal value : new BigDecimal[] {x, y}) {
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a focal point lies within 0..1, not " + value);
            }
        }
        x = x.stripTrailingZeros();
        y = y.stripTrailingZeros();
    }

    String canonical() {
        return "fp:" + x.toPlainString() + "," + y.toPlainString();
    }
}
