package io.imgorigin.processing.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsharpMaskTest {

    private final UnsharpMask sharpen = new UnsharpMask();

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 3, 5, 7, 10})
    void raisesContrastAcrossAnEdgeAsTheUnsharpMaskDoes(double sigma) {
        int width = 200;
        int edge = 100;
        double[] line = new double[width];
        for (int x = 0; x < width; x++) {
            line[x] = x < edge ? 90 : 160;
        }
        double[] blurred = ReferenceGaussian.blur(line, sigma);
        BufferedImage out = sharpen.apply(FilterImages.edge(width, 3, edge, false, 90, 160), sigma);
        for (int x = 0; x < width; x++) {
            double expected = Math.clamp(line[x] + UnsharpMask.AMOUNT * (line[x] - blurred[x]), 0, 255);
            for (int y = 0; y < 3; y++) {
                assertThat((double) (out.getRGB(x, y) & 0xFF)).as("x %d", x)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(2.0));
            }
        }
        int dark = out.getRGB(edge - 1, 1) & 0xFF;
        int bright = out.getRGB(edge, 1) & 0xFF;
        assertThat(dark).as("dark side of the edge").isLessThan(90);
        assertThat(bright).as("bright side of the edge").isGreaterThan(160);
        // Far from the edge nothing changes.
        assertThat(out.getRGB(0, 1) & 0xFF).isEqualTo(90);
        assertThat(out.getRGB(width - 1, 1) & 0xFF).isEqualTo(160);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1, 5, 5.5, 10})
    void flatImagesStayExactlyTheSame(double sigma) {
        int[][] cases = {{BufferedImage.TYPE_INT_RGB, 0xFF25C881}, {BufferedImage.TYPE_INT_RGB, 0xFFFFFFFF},
                {BufferedImage.TYPE_INT_ARGB, 0x6425C881}, {BufferedImage.TYPE_INT_ARGB, 0x02000000}};
        for (int[] c : cases) {
            BufferedImage image = FilterImages.flat(29, 31, c[0], c[1]);
            BufferedImage out = sharpen.apply(image, sigma);
            for (int y = 0; y < 31; y++) {
                for (int x = 0; x < 29; x++) {
                    assertThat(Integer.toHexString(out.getRGB(x, y))).as("(%d, %d) of %08x", x, y, c[1])
                            .isEqualTo(Integer.toHexString(c[1]));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 4, 10})
    void alphaIsUntouchedAndTransparencyMakesNoDarkHalo(double sigma) {
        BufferedImage disc = FilterImages.redDisc(64, 18);
        BufferedImage out = sharpen.apply(disc, sigma);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int in = disc.getRGB(x, y);
                int argb = out.getRGB(x, y);
                assertThat(argb >>> 24).as("alpha at (%d, %d)", x, y).isEqualTo(in >>> 24);
                if (in >>> 24 != 0) {
                    assertThat(argb).as("(%d, %d)", x, y).isEqualTo(0xFFFF0000);
                }
            }
        }
    }

    @Test
    void sharpensColourUnderPartialAlpha() {
        BufferedImage image = new BufferedImage(40, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? 0x80505050 : 0x80A0A0A0);
            }
        }
        BufferedImage out = sharpen.apply(image, 2);
        assertThat(out.getRGB(19, 2) & 0xFF).isLessThan(0x50);
        assertThat(out.getRGB(20, 2) & 0xFF).isGreaterThan(0xA0);
        assertThat(out.getRGB(20, 2) >>> 24).isEqualTo(0x80);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 2, 10})
    void tinyImagesAndSigmasBeyondTheImageWork(double sigma) {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage one = FilterImages.flat(1, 1, type, 0x80102030);
            assertThat(sharpen.apply(one, sigma).getRGB(0, 0)).isEqualTo(one.getRGB(0, 0));
            for (int[] size : new int[][] {{1, 23}, {23, 1}, {2, 3}}) {
                BufferedImage image = FilterImages.noise(size[0], size[1], type, 13);
                BufferedImage out = sharpen.apply(image, sigma);
                assertThat(out.getType()).isEqualTo(type);
                assertThat(out.getWidth()).isEqualTo(size[0]);
                assertThat(out.getHeight()).isEqualTo(size[1]);
            }
        }
    }

    @Test
    void rejectsWhatItCannotFilter() {
        BufferedImage image = FilterImages.flat(4, 4, BufferedImage.TYPE_INT_ARGB, 0xFF000000);
        for (double sigma : new double[] {0, Double.NaN, 10.01}) {
            assertThatThrownBy(() -> sharpen.apply(image, sigma)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> sharpen.apply(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
