package io.imgorigin.processing.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    private final GaussianBlur blur = new GaussianBlur();

    /** Sigmas on both sides of {@link LineFilter#EXACT_UP_TO}: the exact kernel and the box passes. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.8, 1, 2.5, 5, 5.5, 8, 20, 50, 100})
    void hardEdgeFollowsTheGaussianWithinTwoLevels(double sigma) {
        int width = 640;
        int edge = 300;
        double[] line = new double[width];
        for (int x = 0; x < width; x++) {
            line[x] = x < edge ? 10 : 245;
        }
        double[] expected = ReferenceGaussian.blur(line, sigma);
        for (boolean vertical : new boolean[] {false, true}) {
            BufferedImage image = vertical ? FilterImages.edge(5, width, edge, true, 10, 245)
                    : FilterImages.edge(width, 5, edge, false, 10, 245);
            BufferedImage out = blur.apply(image, sigma);
            double worst = 0;
            for (int across = 0; across < 5; across++) {
                for (int along = 0; along < width; along++) {
                    int rgb = vertical ? out.getRGB(across, along) : out.getRGB(along, across);
                    for (int shift : new int[] {16, 8, 0}) {
                        worst = Math.max(worst, Math.abs(FilterImages.channel(rgb, shift) - expected[along]));
                    }
                }
            }
            assertThat(worst).as("largest difference from the Gaussian, sigma %s, %s edge", sigma,
                    vertical ? "horizontal" : "vertical").isLessThanOrEqualTo(2.0);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 4, 7})
    void noiseFollowsTheSeparableGaussian(double sigma) {
        BufferedImage image = FilterImages.noise(53, 41, BufferedImage.TYPE_INT_RGB, 5);
        BufferedImage out = blur.apply(image, sigma);
        for (int shift : new int[] {16, 8, 0}) {
            double[][] plane = new double[41][53];
            for (int y = 0; y < 41; y++) {
                for (int x = 0; x < 53; x++) {
                    plane[y][x] = FilterImages.channel(image.getRGB(x, y), shift);
                }
            }
            double[][] expected = ReferenceGaussian.blur(plane, sigma);
            for (int y = 0; y < 41; y++) {
                for (int x = 0; x < 53; x++) {
                    assertThat((double) FilterImages.channel(out.getRGB(x, y), shift))
                            .as("channel at bit %d of (%d, %d)", shift, x, y).isCloseTo(expected[y][x],
                                    org.assertj.core.data.Offset.offset(2.0));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1, 5, 6, 50, 100})
    void flatImagesStayExactlyFlat(double sigma) {
        int[][] cases = {{BufferedImage.TYPE_INT_RGB, 0xFF25C881}, {BufferedImage.TYPE_INT_ARGB, 0xFF25C881},
                {BufferedImage.TYPE_INT_ARGB, 0x6425C881}, {BufferedImage.TYPE_INT_ARGB, 0x01FF0000}};
        for (int[] c : cases) {
            BufferedImage image = FilterImages.flat(37, 23, c[0], c[1]);
            BufferedImage out = blur.apply(image, sigma);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    assertThat(Integer.toHexString(out.getRGB(x, y))).as("(%d, %d) of %08x", x, y, c[1])
                            .isEqualTo(Integer.toHexString(c[1]));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 3, 12})
    void transparentSurroundingsDoNotDarkenTheEdge(double sigma) {
        BufferedImage disc = FilterImages.redDisc(64, 18);
        BufferedImage out = blur.apply(disc, sigma);
        int partial = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int argb = out.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha > 0) {
                    assertThat(FilterImages.channel(argb, 16)).as("red at (%d, %d), alpha %d", x, y, alpha)
                            .isGreaterThanOrEqualTo(254);
                    assertThat(argb & 0xFFFF).as("green and blue at (%d, %d)", x, y).isZero();
                }
                if (alpha > 0 && alpha < 255) {
                    partial++;
                }
            }
        }
        assertThat(partial).as("pixels with the edge blurred into partial alpha").isGreaterThan(100);
        if (3 * sigma < 18) {
            assertThat(out.getRGB(32, 32) >>> 24).as("alpha at the centre, 3 sigma inside the disc").isEqualTo(255);
        }
    }

    @Test
    void alphaIsBlurredLikeAGreyChannel() {
        BufferedImage disc = FilterImages.redDisc(48, 12);
        BufferedImage grey = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                grey.setRGB(x, y, FilterImages.grey(disc.getRGB(x, y) >>> 24));
            }
        }
        BufferedImage a = blur.apply(disc, 2.5);
        BufferedImage g = blur.apply(grey, 2.5);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                assertThat(a.getRGB(x, y) >>> 24).isEqualTo(g.getRGB(x, y) & 0xFF);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 2, 7, 100})
    void tinyImagesAndSigmasBeyondTheImageWork(double sigma) {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage one = FilterImages.flat(1, 1, type, 0x80102030);
            BufferedImage blurredOne = blur.apply(one, sigma);
            assertThat(blurredOne.getRGB(0, 0)).isEqualTo(one.getRGB(0, 0));
            for (int[] size : new int[][] {{1, 19}, {19, 1}, {3, 2}, {17, 17}}) {
                BufferedImage image = FilterImages.noise(size[0], size[1], type, 11);
                BufferedImage out = blur.apply(image, sigma);
                assertThat(out.getType()).isEqualTo(type);
                assertThat(out.getWidth()).isEqualTo(size[0]);
                assertThat(out.getHeight()).isEqualTo(size[1]);
                int[] range = rangeOfGreen(image);
                int[] blurred = rangeOfGreen(out);
                assertThat(blurred[0]).as("blurred minimum").isGreaterThanOrEqualTo(range[0]);
                assertThat(blurred[1]).as("blurred maximum").isLessThanOrEqualTo(range[1]);
            }
        }
    }

    @Test
    void sigmaFarBeyondTheImageAveragesIt() {
        BufferedImage image = FilterImages.edge(4, 3, 2, false, 0, 200);
        BufferedImage out = blur.apply(image, 100);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                // The edge-extended line is half 0, half 200 however far out it goes.
                assertThat(out.getRGB(x, y) & 0xFF).isBetween(99, 101);
            }
        }
    }

    @Test
    void aSubimageIsBlurredAsItsPixels() {
        BufferedImage whole = FilterImages.noise(40, 30, BufferedImage.TYPE_INT_ARGB, 3);
        BufferedImage view = whole.getSubimage(7, 5, 20, 16);
        BufferedImage copy = new BufferedImage(20, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 20; x++) {
                copy.setRGB(x, y, view.getRGB(x, y));
            }
        }
        BufferedImage a = blur.apply(view, 2);
        BufferedImage b = blur.apply(copy, 2);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 20; x++) {
                assertThat(a.getRGB(x, y)).isEqualTo(b.getRGB(x, y));
            }
        }
    }

    @Test
    void rejectsWhatItCannotFilter() {
        BufferedImage image = FilterImages.flat(4, 4, BufferedImage.TYPE_INT_RGB, 0xFF000000);
        for (double sigma : new double[] {0, -1, Double.NaN, 100.5, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> blur.apply(image, sigma)).isInstanceOf(IllegalArgumentException.class);
        }
        BufferedImage bgr = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
        assertThatThrownBy(() -> blur.apply(bgr, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] rangeOfGreen(BufferedImage image) {
        int min = 255;
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if (image.getType() == BufferedImage.TYPE_INT_ARGB && argb >>> 24 == 0) {
                    continue;
                }
                int g = FilterImages.channel(argb, 8);
                min = Math.min(min, g);
                max = Math.max(max, g);
            }
        }
        return new int[] {min, max};
    }
}
