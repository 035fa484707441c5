package io.imgorigin.processing.encode.palette;

import java.util.Arrays;

/**
 * Reduces a straight-alpha ARGB image to a GIF palette: pixels with alpha under 128 become the one
 * transparent entry; when the opaque colours fit in the rest of the palette they are kept exactly, else
 * {@link MedianCut} chooses them and each pixel takes the nearest, optionally with Floyd–Steinberg error
 * diffusion. Time is linear in the pixels plus a bounded amount per histogram cell.
 */
public final class Quantiser {

    private static final int OPAQUE_FROM = 128;

    private final boolean dither;

    /** @param dither whether approximated colours diffuse their error to neighbours (Floyd–Steinberg) */
    public Quantiser(boolean dither) {
        this.dither = dither;
    }

    public IndexedImage quantise(int[] argb, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height != argb.length) {
            throw new IllegalArgumentException(width + "x" + height + " does not match " + argb.length + " pixels");
        }
        ColourCounter counter = new ColourCounter();
        MedianCut histogram = new MedianCut();
        boolean fits = true;
        boolean transparent = false;
        for (int pixel : argb) {
            if (pixel >>> 24 < OPAQUE_FROM) {
                transparent = true;
            } else {
                int rgb = pixel & 0xFFFFFF;
                histogram.add(rgb);
                fits = fits && counter.add(rgb);
            }
        }
        int room = Palette.MAX_COLOURS - (transparent ? 1 : 0);
        byte[] indices = new byte[argb.length];
        Palette palette;
        if (fits && counter.count() <= room) {
            palette = withTransparency(counter.colours(), transparent, true);
            int transparentIndex = palette.transparentIndex();
            for (int i = 0; i < argb.length; i++) {
                int pixel = argb[i];
                indices[i] = (byte) (pixel >>> 24 < OPAQUE_FROM ? transparentIndex : counter.indexOf(pixel & 0xFFFFFF));
            }
        } else {
            palette = withTransparency(histogram.palette(room), transparent, false);
            Nearest nearest = new Nearest(palette.colours(), palette.transparentIndex());
            if (dither) {
                diffuse(argb, width, height, indices, palette, nearest);
            } else {
                for (int i = 0; i < argb.length; i++) {
                    int pixel = argb[i];
                    indices[i] = (byte) (pixel >>> 24 < OPAQUE_FROM ? palette.transparentIndex() : nearest.index(pixel));
                }
            }
        }
        return new IndexedImage(width, height, indices, palette, transparent);
    }

    private static Palette withTransparency(int[] opaque, boolean transparent, boolean exact) {
        if (!transparent) {
            return new Palette(opaque.length == 0 ? new int[] {0} : opaque, -1, exact);
        }
        int[] colours = Arrays.copyOf(opaque, opaque.length + 1);
        return new Palette(colours, opaque.length, exact);
    }

    /** Floyd–Steinberg: 7/16 right, 3/16 below left, 5/16 below, 1/16 below right; transparent pixels take none. */
    private static void diffuse(int[] argb, int width, int height, byte[] indices, Palette palette, Nearest nearest) {
        int[] colours = palette.colours();
        int[] current = new int[3 * (width + 2)];
        int[] below = new int[3 * (width + 2)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int pixel = argb[i];
                if (pixel >>> 24 < OPAQUE_FROM) {
                    indices[i] = (byte) palette.transparentIndex();
                    continue;
                }
                int e = 3 * (x + 1);
                int r = clamp(((pixel >> 16) & 0xFF) + current[e] / 16);
                int g = clamp(((pixel >> 8) & 0xFF) + current[e + 1] / 16);
                int b = clamp((pixel & 0xFF) + current[e + 2] / 16);
                int index = nearest.index(r << 16 | g << 8 | b);
                indices[i] = (byte) index;
                int chosen = colours[index];
                int[] error = {r - ((chosen >> 16) & 0xFF), g - ((chosen >> 8) & 0xFF), b - (chosen & 0xFF)};
                for (int c = 0; c < 3; c++) {
                    current[e + 3 + c] += error[c] * 7;
                    below[e - 3 + c] += error[c] * 3;
                    below[e + c] += error[c] * 5;
                    below[e + 3 + c] += error[c];
                }
            }
            int[] swap = current;
            current = below;
            below = swap;
            Arrays.fill(below, 0);
        }
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    /** The nearest opaque palette entry of each histogram cell's centre, found once per cell on first use. */
    private static final class Nearest {
        private final int[] colours;
        private final int transparentIndex;
        private final short[] cache = new short[MedianCut.CELLS];

        Nearest(int[] colours, int transparentIndex) {
            this.colours = colours;
            this.transparentIndex = transparentIndex;
            Arrays.fill(cache, (short) -1);
        }

        int index(int rgb) {
            int cell = MedianCut.cell(rgb);
            if (cache[cell] < 0) {
                cache[cell] = (short) search(cell);
            }
            return cache[cell];
        }

        private int search(int cell) {
            int r = (cell >> 10) << 3 | 4;
            int g = ((cell >> 5) & 0x1F) << 3 | 4;
            int b = (cell & 0x1F) << 3 | 4;
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < colours.length; i++) {
                if (i == transparentIndex) {
                    continue;
                }
                int c = colours[i];
                int dr = r - ((c >> 16) & 0xFF);
                int dg = g - ((c >> 8) & 0xFF);
                int db = b - (c & 0xFF);
                int distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            return best;
        }
    }
}
