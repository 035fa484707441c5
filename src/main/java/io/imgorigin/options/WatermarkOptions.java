package io.imgorigin.options;

import java.math.BigDecimal;

/**
 * The {@code wm} option: {@code OPACITY[,POS[,X,Y[,SCALE]]]}.
 *
 * @param opacity  0..1, multiplied into the watermark's own alpha
 * @param position a compass point of the output, or {@link WatermarkPosition#TILE}
 * @param offsetX  output pixels: from the anchored edge inwards (to the right for the centre column);
 *                 for {@code tile} the gap between two tiles
 * @param offsetY  likewise, vertically
 * @param scale    the watermark's width as a fraction 0..1 of the output's; 0 keeps its own size. Either
 *                 way it is shrunk to fit the output
 */
public record WatermarkOptions(BigDecimal opacity, WatermarkPosition position, int offsetX, int offsetY,
        BigDecimal scale) {

    public WatermarkOptions {
        opacity = opacity.stripTrailingZeros();
        scale = scale.stripTrailingZeros();
    }

    /** A stable text of the values, for the canonical options. */
    String canonical() {
        return opacity.toPlainString() + "," + position.token() + "," + offsetX + "," + offsetY + ","
                + scale.toPlainString();
    }
}
