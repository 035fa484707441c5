package io.imgorigin.codec.spng;

import io.imgorigin.codec.png.PngHeader;

/**
 * The colour key of a 1, 2 or 4-bit gray PNG, applied as libpng applies it: the tRNS gray masked to the
 * bit depth, as an 8-bit level. libspng compares the unmasked value (a key of 255 in a 1-bit image then
 * matches nothing), the JDK's reader the sample already scaled to 8 bits (a key of 9 in a 4-bit image
 * then matches nothing).
 */
record GrayKey(int level) {

    static boolean applies(PngHeader header, boolean transparency) {
        return transparency && header.colorType() == 0 && header.bitDepth() < 8;
    }

    static GrayKey of(int transparentGray, int bitDepth) {
        int max = (1 << bitDepth) - 1;
        return new GrayKey((transparentGray & max) * (255 / max));
    }

    /** Clears the alpha of every pixel at the key's level in an opaque gray ARGB image. */
    void apply(int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            if ((argb[i] & 0xFF) == level) {
                argb[i] &= 0xFFFFFF;
            }
        }
    }
}
