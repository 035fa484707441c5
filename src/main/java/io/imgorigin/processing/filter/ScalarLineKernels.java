package io.imgorigin.processing.filter;

/** The loops of {@link LineKernels} one float at a time, for JVMs without the vector module. */
final class ScalarLineKernels implements LineKernels {

    @Override
    public void convolve(float[] in, float[] out, int from, int to, float[] weights, int radius) {
        for (int q = from; q < to; q++) {
            int first = (q - radius) * LINES;
            for (int l = 0; l < LINES; l++) {
                float sum = 0;
                for (int k = 0, at = first + l; k < weights.length; k++, at += LINES) {
                    sum += weights[k] * in[at];
                }
                out[q * LINES + l] = sum;
            }
        }
    }

    @Override
    public void box(float[] in, float[] out, int from, int to, int radius, float end, float scale) {
        for (int l = 0; l < LINES; l++) {
            float sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += in[(from + k) * LINES + l];
            }
            for (int q = from; q < to; q++) {
                if (q > from) {
                    sum = sum + in[(q + radius) * LINES + l] - in[(q - radius - 1) * LINES + l];
                }
                float ends = in[(q - radius - 1) * LINES + l] + in[(q + radius + 1) * LINES + l];
                out[q * LINES + l] = (sum + end * ends) * scale;
            }
        }
    }
}
