package io.imgorigin.codec.spng;

import java.nio.ByteOrder;

/**
 * Turns libspng's RGBA output into the ints of TYPE_INT_ARGB (not premultiplied) or, without alpha,
 * TYPE_INT_RGB. RGBA8 pixels read as native-order ints are 0xAABBGGRR on little-endian hosts and
 * 0xRRGGBBAA on big-endian ones; RGBA16 samples are host-order shorts.
 */
final class RgbaPixels {

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private RgbaPixels() {
    }

    static void toArgbInPlace(int[] pixels, boolean alpha) {
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = argb(pixels[i], alpha);
        }
    }

    static int argb(int rgba, boolean alpha) {
        int argb = LITTLE_ENDIAN
                ? rgba & 0xFF00FF00 | (rgba & 0xFF) << 16 | rgba >>> 16 & 0xFF
                : rgba >>> 8 | rgba << 24;
        // TYPE_INT_RGB keeps its unused top byte zero, as images drawn by Java2D do.
        return alpha ? argb : argb & 0xFFFFFF;
    }

    /** One pixel of RGBA16 output, from the four samples starting at {@code offset}. */
    static int argb(short[] samples, int offset, boolean alpha) {
        int rgb = to8(samples[offset]) << 16 | to8(samples[offset + 1]) << 8 | to8(samples[offset + 2]);
        return alpha ? to8(samples[offset + 3]) << 24 | rgb : rgb;
    }

    /**
     * Rounds to the nearest 8-bit level, as the JDK's path for 16-bit PNGs does. libspng's own RGBA8
     * output keeps the high byte, one level darker for about half the values.
     */
    static int to8(short sample) {
        return ((sample & 0xFFFF) * 255 + 32767) / 65535;
    }
}
