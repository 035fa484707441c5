package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.PixelBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.codec.VectorModule;

/**
 * The vector loops must give every pixel exactly as the scalar loops do, on all the edges of their
 * blocking: widths and heights that are not multiples of 8 or of a strip, strips shorter than a vector,
 * enlargements, and alpha from clear through barely visible to opaque.
 */
class SeparableResamplerTest {

    @ParameterizedTest(name = "{0}x{1} to {2}x{3}, alpha {4}")
    @CsvSource({
            "2016, 1512, 1200, 900, false",
            "1363, 1113, 400, 327, false",
            "681, 556, 400, 327, false",
            "1488, 1486, 300, 300, true",
            "203, 131, 77, 45, false",
            "203, 131, 77, 45, true",
            "64, 64, 64, 64, true",
            "9, 7, 3, 2, false",
            "9, 7, 3, 2, true",
            "100, 30, 7, 5, true",
            "17, 13, 50, 71, false",
            "17, 13, 50, 71, true",
            "1, 300, 1, 129, false",
            "300, 1, 129, 1, true"})
    void theVectorLoopsGiveThePixelsOfTheScalarLoops(int sourceWidth, int sourceHeight, int width, int height,
                                                    boolean alpha) {
        assumeTrue(VectorModule.PRESENT, "the JVM runs without jdk.incubator.vector");
        assumeTrue(VectorResampling.suits(16), "this processor's vectors are narrower than 256 bits");
        PixelBuffer source = noise(sourceWidth, sourceHeight, alpha, sourceWidth * 31L + sourceHeight);
        ResampleWeights horizontal = ResampleWeights.lanczos3(sourceWidth, 0, 0, width, (double) sourceWidth / width);
        ResampleWeights vertical = ResampleWeights.lanczos3(sourceHeight, 0, 0, height, (double) sourceHeight / height);

        PixelBuffer scalar = SeparableResampler.resample(source, horizontal, vertical, false);
        PixelBuffer vector = SeparableResampler.resample(source, horizontal, vertical, true);

        assertThat(vector.width()).isEqualTo(width);
        assertThat(vector.height()).isEqualTo(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                assertThat(Integer.toHexString(vector.data()[at])).as("pixel %d,%d", x, y)
                        .isEqualTo(Integer.toHexString(scalar.data()[at]));
            }
        }
    }

    /**
     * Until HotSpot compiles them, vector operations run as plain Java; the compiled instructions (float to
     * int conversion, shuffles) must agree too, so the comparison repeats until the loops are hot.
     */
    @Test
    void theCompiledVectorLoopsStillGiveThePixelsOfTheScalarLoops() {
        assumeTrue(VectorModule.PRESENT, "the JVM runs without jdk.incubator.vector");
        assumeTrue(VectorResampling.suits(16), "this processor's vectors are narrower than 256 bits");
        ResampleWeights horizontal = ResampleWeights.lanczos3(157, 0, 0, 61, 157 / 61.0);
        ResampleWeights vertical = ResampleWeights.lanczos3(91, 0, 0, 37, 91 / 37.0);
        for (int round = 0; round < 400; round++) {
            PixelBuffer source = noise(157, 91, round % 2 == 0, round);
            int[] scalar = SeparableResampler.resample(source, horizontal, vertical, false).data();
            int[] vector = SeparableResampler.resample(source, horizontal, vertical, true).data();
            assertThat(vector).as("round %d", round).isEqualTo(scalar);
        }
    }

    @Test
    void theTestsRunTheVectorLoopsAsTheServiceDoes() {
        assertThat(VectorModule.PRESENT).isTrue();
        assertThat(VectorResampling.suits(16)).as("vectors of at least 8 ints on the test machine").isTrue();
    }

    /**
     * Random pixels with sharp edges (so Lanczos3's lobes overshoot both ways); with alpha, a third are
     * clear, a third barely visible (alpha 1 to 3, where un-premultiplying divides by the least) and the
     * rest anything.
     */
    private static PixelBuffer noise(int width, int height, boolean alpha, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PixelBuffer buffer = PixelBuffer.allocate(width, height, alpha);
        for (int i = 0; i < buffer.data().length; i++) {
            int rgb = random.nextBoolean() ? random.nextInt(1 << 24) : (random.nextBoolean() ? 0xFFFFFF : 0);
            int a = 255;
            if (alpha) {
                a = switch (random.nextInt(3)) {
                    case 0 -> 0;
                    case 1 -> 1 + random.nextInt(3);
                    default -> random.nextInt(256);
                };
            }
            buffer.data()[i] = a << 24 | rgb;
        }
        return buffer;
    }
}
