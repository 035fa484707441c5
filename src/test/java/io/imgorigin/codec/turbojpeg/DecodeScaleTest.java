package io.imgorigin.codec.turbojpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.util.List;
import java.util.stream.IntStream;

import javax.imageio.ImageReadParam;

import io.imgorigin.codec.RenderSizeReadParam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodeScaleTest {

    /** The factors libjpeg-turbo 2.x offers: n/8 for n = 1..16. */
    private static final List<ScalingFactor> FACTORS = IntStream.rangeClosed(1, 16)
            .mapToObj(n -> n % 8 == 0 ? new ScalingFactor(n / 8, 1)
                    : n % 4 == 0 ? new ScalingFactor(n / 4, 2)
                    : n % 2 == 0 ? new ScalingFactor(n / 2, 4) : new ScalingFactor(n, 8))
            .toList();

    @ParameterizedTest(name = "4000x3000 to cover {0}x{1}: {2}")
    @CsvSource({
            "500, 375, 1/8",
            "500, 376, 1/4",
            "700, 500, 1/4",
            "1500, 1125, 1/2",
            "1501, 1125, 1/2",
            "2000, 1500, 1/2",
            "2001, 1500, 1/1",
            "3500, 2625, 1/1",
            "3501, 10, 1/1",
            "8000, 6000, 1/1"})
    void coversTheRenderSizeWithTheSmallestPowerOfTwoFactor(int width, int height, String expected) {
        ScalingFactor factor = DecodeScale.coveringFactor(FACTORS, 4000, 3000, new Dimension(width, height));

        assertThat(factor.toString()).isEqualTo(expected);
        assertThat(factor.scale(4000)).isGreaterThanOrEqualTo(Math.min(width, 4000));
        assertThat(factor.scale(3000)).isGreaterThanOrEqualTo(Math.min(height, 3000));
    }

    @Test
    void roundsScaledSidesUpAsTheLibraryDoes() {
        assertThat(new ScalingFactor(1, 8).scale(4001)).isEqualTo(501);
        assertThat(new ScalingFactor(3, 8).scale(10)).isEqualTo(4);
    }

    @Test
    void renderSizeKeepsAnySubsamplingForAfterTheDecode() {
        ImageReadParam param = new RenderSizeReadParam();
        param.setSourceRenderSize(new Dimension(500, 375));
        param.setSourceSubsampling(2, 3, 0, 0);

        assertThat(DecodeScale.choose(FACTORS, 4000, 3000, param))
                .isEqualTo(new DecodeScale(new ScalingFactor(1, 8), 2, 3));
    }

    @Test
    void evenPowerOfTwoSubsamplingBecomesTheDctScale() {
        for (int n : new int[] {2, 4, 8}) {
            ImageReadParam param = new ImageReadParam();
            param.setSourceSubsampling(n, n, 0, 0);

            DecodeScale scale = DecodeScale.choose(FACTORS, 4000, 3000, param);

            assertThat(scale.factor().isOneOver(n)).isTrue();
            assertThat(scale.residualX()).isEqualTo(1);
        }
    }

    @Test
    void otherSubsamplingDecodesFullSize() {
        ImageReadParam uneven = new ImageReadParam();
        uneven.setSourceSubsampling(2, 4, 0, 0);
        ImageReadParam offset = new ImageReadParam();
        offset.setSourceSubsampling(2, 2, 1, 0);
        ImageReadParam three = new ImageReadParam();
        three.setSourceSubsampling(3, 3, 0, 0);

        assertThat(DecodeScale.choose(FACTORS, 100, 100, uneven)).isEqualTo(new DecodeScale(ScalingFactor.ONE, 2, 4));
        assertThat(DecodeScale.choose(FACTORS, 100, 100, offset)).isEqualTo(new DecodeScale(ScalingFactor.ONE, 2, 2));
        assertThat(DecodeScale.choose(FACTORS, 100, 100, three)).isEqualTo(new DecodeScale(ScalingFactor.ONE, 3, 3));
        assertThat(DecodeScale.choose(FACTORS, 100, 100, null)).isEqualTo(new DecodeScale(ScalingFactor.ONE, 1, 1));
    }
}
