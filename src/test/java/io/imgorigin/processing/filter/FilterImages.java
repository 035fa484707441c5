package io.imgorigin.processing.filter;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Small test images made in code. */
final class FilterImages {

    private FilterImages() {
    }

    /** Opaque grey {@code low} left of column {@code edge}, {@code high} from it on (or above/below row {@code edge}). */
    static BufferedImage edge(int width, int height, int edge, boolean vertical, int low, int high) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = (vertical ? y : x) < edge ? low : high;
                image.setRGB(x, y, grey(v));
            }
        }
        return image;
    }

    static BufferedImage flat(int width, int height, int type, int argb) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    static BufferedImage noise(int width, int height, int type, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    /** An opaque red disc on transparent black. */
    static BufferedImage redDisc(int size, double radius) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        double centre = (size - 1) / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean inside = Math.hypot(x - centre, y - centre) <= radius;
                image.setRGB(x, y, inside ? 0xFFFF0000 : 0);
            }
        }
        return image;
    }

    static int grey(int v) {
        return 0xFF000000 | v << 16 | v << 8 | v;
    }

    static int channel(int argb, int shift) {
        return argb >>> shift & 0xFF;
    }
}
