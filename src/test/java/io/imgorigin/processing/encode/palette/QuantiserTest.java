package io.imgorigin.processing.encode.palette;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QuantiserTest {

    private static int colourOf(IndexedImage image, int i) {
        return image.palette().colours()[image.indices()[i] & 0xFF];
    }

    @Test
    void upTo256ColoursAreKeptExactly() {
        int[] argb = new int[64 * 64];
        Random random = new Random(1);
        int[] colours = new int[256];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = random.nextInt(1 << 24);
        }
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | colours[i % 256];
        }
        IndexedImage image = new Quantiser(true).quantise(argb, 64, 64);
        assertThat(image.palette().exact()).isTrue();
        assertThat(image.hasTransparency()).isFalse();
        assertThat(image.palette().transparentIndex()).isEqualTo(-1);
        for (int i = 0; i < argb.length; i++) {
            assertThat(colourOf(image, i)).isEqualTo(argb[i] & 0xFFFFFF);
        }
    }

    @Test
    void alphaUnder128IsTheOneTransparentEntry() {
        int[] argb = {0x00FF0000, 0x7F00FF00, 0x80112233, 0xFF112233, 0x000000FF, 0xFF445566};
        IndexedImage image = new Quantiser(false).quantise(argb, 3, 2);
        int transparent = image.palette().transparentIndex();
        assertThat(image.hasTransparency()).isTrue();
        assertThat(transparent).isBetween(0, image.palette().size() - 1);
        assertThat(image.indices()[0] & 0xFF).isEqualTo(transparent);
        assertThat(image.indices()[1] & 0xFF).isEqualTo(transparent);
        assertThat(image.indices()[4] & 0xFF).isEqualTo(transparent);
        assertThat(colourOf(image, 2)).isEqualTo(0x112233);
        assertThat(image.indices()[2]).isEqualTo(image.indices()[3]);
        assertThat(colourOf(image, 5)).isEqualTo(0x445566);
        assertThat(image.palette().size()).isEqualTo(3);
    }

    @Test
    void manyColoursBecomeAtMost256WithTransparencyAmongThem() {
        int width = 256;
        int height = 256;
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = (x + y) % 97 == 0 ? 0 : 0xFF000000 | x << 16 | y << 8 | (x * y & 0xFF);
            }
        }
        IndexedImage image = new Quantiser(false).quantise(argb, width, height);
        assertThat(image.palette().size()).isLessThanOrEqualTo(256);
        assertThat(image.palette().exact()).isFalse();
        int transparent = image.palette().transparentIndex();
        assertThat(transparent).isNotNegative();
        Set<Integer> used = new HashSet<>();
        long error = 0;
        for (int i = 0; i < argb.length; i++) {
            int index = image.indices()[i] & 0xFF;
            used.add(index);
            if (argb[i] >>> 24 == 0) {
                assertThat(index).isEqualTo(transparent);
            } else {
                assertThat(index).isNotEqualTo(transparent);
                int c = image.palette().colours()[index];
                for (int shift = 0; shift <= 16; shift += 8) {
                    error += Math.abs((argb[i] >> shift & 0xFF) - (c >> shift & 0xFF));
                }
            }
        }
        assertThat(used.size()).isGreaterThan(200);
        assertThat(error / (3.0 * argb.length)).as("mean error per channel").isLessThan(12);
    }

    @Test
    void ditheringKeepsAreaAveragesCloserToTheSource() {
        int width = 256;
        int height = 128;
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = 0xFF000000 | x << 16 | (y * 2) << 8 | (255 - x);
            }
        }
        double plain = blockError(argb, new Quantiser(false).quantise(argb, width, height), width, height);
        double dithered = blockError(argb, new Quantiser(true).quantise(argb, width, height), width, height);
        assertThat(dithered).isLessThan(plain);
    }

    /** Mean difference of 8x8 block averages, source against palette colours. */
    private static double blockError(int[] argb, IndexedImage image, int width, int height) {
        double total = 0;
        int blocks = 0;
        for (int by = 0; by < height; by += 8) {
            for (int bx = 0; bx < width; bx += 8) {
                long[] source = new long[3];
                long[] mapped = new long[3];
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        int i = y * width + x;
                        int c = colourOf(image, i);
                        for (int k = 0; k < 3; k++) {
                            source[k] += argb[i] >> (8 * k) & 0xFF;
                            mapped[k] += c >> (8 * k) & 0xFF;
                        }
                    }
                }
                for (int k = 0; k < 3; k++) {
                    total += Math.abs(source[k] - mapped[k]) / 64.0;
                }
                blocks++;
            }
        }
        return total / (3.0 * blocks);
    }
}
