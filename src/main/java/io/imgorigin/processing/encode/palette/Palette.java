package io.imgorigin.processing.encode.palette;

/**
 * At most 256 opaque sRGB colours, and where the image had any, one extra entry for transparent pixels.
 *
 * @param colours          0xRRGGBB values, the transparent entry included (as black)
 * @param transparentIndex the transparent entry, or -1 when there is none
 * @param exact            whether every opaque colour of the image is in the palette, so no pixel is approximated
 */
public record Palette(int[] colours, int transparentIndex, boolean exact) {

    public static final int MAX_COLOURS = 256;

    public Palette {
        if (colours.length == 0 || colours.length > MAX_COLOURS) {
            throw new IllegalArgumentException("a palette holds 1 to 256 colours, not " + colours.length);
        }
        if (transparentIndex >= colours.length) {
            throw new IllegalArgumentException("transparent index " + transparentIndex + " outside the palette");
        }
    }

    public int size() {
        return colours.length;
    }
}
