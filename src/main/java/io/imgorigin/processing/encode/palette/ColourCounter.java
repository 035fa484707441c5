package io.imgorigin.processing.encode.palette;

import java.util.Arrays;

/**
 * The distinct opaque colours of an image, counted in a small open-addressing table until there are more
 * than a palette can hold; then the caller falls back to {@link MedianCut}.
 */
final class ColourCounter {

    private static final int EMPTY = -1;
    private static final int SLOTS = 1024;

    private final int[] slots = new int[SLOTS];
    private final short[] positions = new short[SLOTS];
    private final int[] order = new int[Palette.MAX_COLOURS + 1];
    private int count;

    ColourCounter() {
        Arrays.fill(slots, EMPTY);
    }

    /** Adds an 0xRRGGBB colour; false once more than 256 distinct colours were seen. */
    boolean add(int rgb) {
        int slot = (rgb * 0x9E3779B1 >>> 22) & (SLOTS - 1);
        while (slots[slot] != EMPTY) {
            if (slots[slot] == rgb) {
                return true;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (count == order.length) {
            return false;
        }
        slots[slot] = rgb;
        positions[slot] = (short) count;
        order[count++] = rgb;
        return count <= Palette.MAX_COLOURS;
    }

    int count() {
        return count;
    }

    /** The colours in the order first seen. */
    int[] colours() {
        return Arrays.copyOf(order, count);
    }

    /** The position of a counted colour in {@link #colours()}, or -1. */
    int indexOf(int rgb) {
        int slot = (rgb * 0x9E3779B1 >>> 22) & (SLOTS - 1);
        while (slots[slot] != EMPTY) {
            if (slots[slot] == rgb) {
                return positions[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return -1;
    }
}
