package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.PixelBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.codec.VectorModule;

class BoxReducerTest {

    @ParameterizedTest(name = "{0}x{1} in {2}x{3} blocks, alpha {4}, vector loop {5}")
    @CsvSource({
            "103, 61, 2, 2, false, false",
            "103, 61, 2, 2, false, true",
            "104, 62, 2, 2, false, false",
            "104, 62, 2, 2, false, true",
            "3, 3, 2, 2, false, true",
            "3, 3, 2, 2, false, false",
            "103, 61, 3, 5, false, false",
            "100, 60, 16, 16, false, false",
            "200, 90, 20, 13, false, false",
            "103, 61, 3, 3, true, false",
            "64, 64, 2, 2, true, false",
            "103, 61, 2, 2, true, false",
            "3, 5, 2, 2, true, false",
            "70, 50, 9, 4, true, false"})
    void everyBlockIsTheRoundedAlphaWeightedMeanOfItsPixels(int width, int height, int kx, int ky, boolean alpha,
                                                           boolean vectors) {
        assumeTrue(!vectors || VectorModule.PRESENT, "the JVM runs without jdk.incubator.vector");
        PixelBuffer source = noise(width, height, alpha);
        int blocksX = Math.ceilDiv(width, kx);
        int blocksY = Math.ceilDiv(height, ky);

        PixelBuffer whole = BoxReducer.reduce(source, kx, ky, 0, 0, blocksX, blocksY, vectors);
        PixelBuffer part = BoxReducer.reduce(source, kx, ky, 1, 2, blocksX - 1, blocksY - 2, vectors);

        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                int expected = mean(source, kx, ky, bx, by);
                assertThat(whole.data()[by * blocksX + bx]).as("block %d,%d", bx, by).isEqualTo(expected);
                if (bx >= 1 && by >= 2) {
                    assertThat(part.data()[(by - 2) * (blocksX - 1) + bx - 1]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theReciprocalQuotientIsExactForEveryAlphaSumOfFourPixels() {
        int maxSum = 4 * 255 * 255 + 4 * 255;
        for (int a = 1; a <= 4 * 255; a++) {
            // The quotient steps only at multiples of a: checking both sides of each step checks every x.
            for (int x = 0; x <= maxSum; x += a) {
                if (BoxReducer.quotient(x, a) != x / a || x > 0 && BoxReducer.quotient(x - 1, a) != (x - 1) / a) {
                    assertThat(BoxReducer.quotient(x, a)).as("%d / %d", x, a).isEqualTo(x / a);
                    assertThat(BoxReducer.quotient(x - 1, a)).as("%d / %d", x - 1, a).isEqualTo((x - 1) / a);
                }
            }
        }
    }

    private static int mean(PixelBuffer source, int kx, int ky, int bx, int by) {
        long r = 0;
        long g = 0;
        long b = 0;
        long a = 0;
        long n = 0;
        for (int y = by * ky; y < Math.min((by + 1) * ky, source.height()); y++) {
            for (int x = bx * kx; x < Math.min((bx + 1) * kx, source.width()); x++) {
                int p = source.data()[source.index(x, y)];
                int pa = source.alpha() ? p >>> 24 : 255;
                r += (p >> 16 & 0xFF) * pa;
                g += (p >> 8 & 0xFF) * pa;
                b += (p & 0xFF) * pa;
                a += pa;
                n++;
            }
        }
        if (a == 0) {
            return 0;
        }
        int alpha = source.alpha() ? (int) Math.floor((double) a / n + 0.5) : 255;
        return alpha << 24 | round(r, a) << 16 | round(g, a) << 8 | round(b, a);
    }

    private static int round(long sum, long divisor) {
        return (int) Math.floor((double) sum / divisor + 0.5);
    }

    private static PixelBuffer noise(int width, int height, boolean alpha) {
        SplittableRandom random = new SplittableRandom(width * 31L + height);
        PixelBuffer buffer = PixelBuffer.allocate(width, height, alpha);
        for (int i = 0; i < buffer.data().length; i++) {
            int a = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 255;
                default -> random.nextInt(256);
            };
            // Without alpha the top byte is junk that must be ignored.
            buffer.data()[i] = (alpha ? a : random.nextInt(256)) << 24 | random.nextInt(1 << 24);
        }
        return buffer;
    }
}
