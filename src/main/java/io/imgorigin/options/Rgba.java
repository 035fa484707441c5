package io.imgorigin.options;

import java.util.HexFormat;

/** An sRGB colour with alpha, from the {@code bg} option. */
public record Rgba(int red, int green, int blue, int alpha) {

    public static final Rgba WHITE = new Rgba(255, 255, 255, 255);

    public int argb() {
        return alpha << 24 | red << 16 | green << 8 | blue;
    }

    public boolean opaque() {
        return alpha == 255;
    }

    /** Always eight lower-case hex digits, so {@code ffffff} and {@code ffffffff} are one value. */
    public String hex() {
        return HexFormat.of().toHexDigits((byte) red) + HexFormat.of().toHexDigits((byte) green)
                + HexFormat.of().toHexDigits((byte) blue) + HexFormat.of().toHexDigits((byte) alpha);
    }
}
