package io.imgorigin.processing.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.codec.VectorModule;

class LineKernelsTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.4, 1, 3.3, 5, 5.01, 9, 40, 100})
    void vectorAndScalarLoopsGiveIdenticalImages(double sigma) {
        assumeTrue(VectorModule.PRESENT, "the JVM runs without jdk.incubator.vector, so there are no vector loops");
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = FilterImages.noise(67, 45, type, 23);
            BufferedImage vector = new GaussianBlur(new VectorLineKernels()).apply(image, sigma);
            BufferedImage scalar = new GaussianBlur(new ScalarLineKernels()).apply(image, sigma);
            assertSame(vector, scalar);
            if (sigma <= UnsharpMask.MAX_SIGMA) {
                assertSame(new UnsharpMask(new VectorLineKernels()).apply(image, sigma),
                        new UnsharpMask(new ScalarLineKernels()).apply(image, sigma));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 5.5, 30})
    void linesAreFilteredEachOnItsOwn(double sigma) {
        LineFilter filter = LineFilter.gaussian(sigma);
        int pad = filter.reach();
        int length = 50;
        int positions = length + 2 * pad;
        float[] lines = new float[positions * LineKernels.LINES];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = random.nextInt(256);
        }
        float[] once = run(new ScalarLineKernels(), filter, lines.clone(), positions);
        // Changing one line leaves every other line's result as it was.
        float[] changed = lines.clone();
        for (int q = 0; q < positions; q++) {
            changed[q * LineKernels.LINES + 5] = 255 - changed[q * LineKernels.LINES + 5];
        }
        float[] twice = run(new ScalarLineKernels(), filter, changed, positions);
        for (int q = pad; q < pad + length; q++) {
            for (int l = 0; l < LineKernels.LINES; l++) {
                if (l != 5) {
                    assertThat(twice[q * LineKernels.LINES + l]).isEqualTo(once[q * LineKernels.LINES + l]);
                }
            }
        }
    }

    private static float[] run(LineKernels kernels, LineFilter filter, float[] in, int positions) {
        float[] out = new float[in.length];
        switch (filter) {
            case LineFilter.Exact exact -> {
                kernels.convolve(in, out, exact.radius(), positions - exact.radius(), exact.weights(), exact.radius());
                return out;
            }
            case LineFilter.Boxes boxes -> {
                int step = boxes.radius() + 1;
                for (int pass = 1; pass <= boxes.passes(); pass++) {
                    kernels.box(in, out, pass * step, positions - pass * step, boxes.radius(), boxes.end(),
                            boxes.scale());
                    float[] swap = in;
                    in = out;
                    out = swap;
                }
                return in;
            }
        }
    }

    private static void assertSame(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertThat(a.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(b.getRGB(x, y));
            }
        }
    }
}
