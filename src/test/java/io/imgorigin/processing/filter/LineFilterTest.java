package io.imgorigin.processing.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineFilterTest {

    @Test
    void exactUpToFiveThenBoxes() {
        assertThat(LineFilter.gaussian(0.3)).isInstanceOf(LineFilter.Exact.class);
        assertThat(LineFilter.gaussian(LineFilter.EXACT_UP_TO)).isInstanceOf(LineFilter.Exact.class);
        assertThat(LineFilter.gaussian(5.01)).isInstanceOf(LineFilter.Boxes.class);
        assertThat(LineFilter.gaussian(100)).isInstanceOf(LineFilter.Boxes.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {5.01, 6, 7.7, 13, 50, 99.9, 100})
    void theBoxCascadeHasTheGaussiansVariance(double sigma) {
        LineFilter.Boxes boxes = (LineFilter.Boxes) LineFilter.gaussian(sigma);
        assertThat(boxes.end()).isBetween(0f, 1f);
        double[] box = new double[2 * boxes.radius() + 3];
        java.util.Arrays.fill(box, 1);
        box[0] = boxes.end();
        box[box.length - 1] = boxes.end();
        double[] cascade = {1};
        for (int p = 0; p < boxes.passes(); p++) {
            cascade = convolve(cascade, box);
        }
        double sum = 0;
        double moment = 0;
        int centre = cascade.length / 2;
        for (int i = 0; i < cascade.length; i++) {
            sum += cascade[i];
            moment += cascade[i] * (i - centre) * (double) (i - centre);
        }
        assertThat(Math.sqrt(moment / sum)).isCloseTo(sigma, within(sigma * 1e-6));
        assertThat(centre).isEqualTo(boxes.reach());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1, 2.2, 5})
    void exactWeightsSampleTheGaussianOutToThreeSigma(double sigma) {
        LineFilter.Exact exact = (LineFilter.Exact) LineFilter.gaussian(sigma);
        float[] w = exact.weights();
        assertThat(exact.radius()).isEqualTo(Math.max(1, (int) Math.ceil(3 * sigma)));
        double sum = 0;
        for (float v : w) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
        for (int k = 1; k <= exact.radius(); k++) {
            assertThat(w[exact.radius() + k]).isEqualTo(w[exact.radius() - k]);
            assertThat((double) w[exact.radius() + k] / w[exact.radius()])
                    .isCloseTo(Math.exp(-k * k / (2 * sigma * sigma)), within(1e-6));
        }
    }

    private static double[] convolve(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }
}
