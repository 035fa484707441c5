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
        // Position by position with a running sum per line, so the loop over the lines reads and writes
        // adjacent floats at the same index (HotSpot vectorises that) rather than one line down its length.
        float[] sums = new float[LINES];
        for (int k = -radius; k <= radius; k++) {
            int at = (from + k) * LINES;
            for (int l = 0; l < LINES; l++) {
                sums[l] += in[at + l];
            }
        }
        for (int q = from; q < to; q++) {
            int lead = (q + radius) * LINES;
            int trail = (q - radius - 1) * LINES;
            int outer = (q + radius + 1) * LINES;
            int at = q * LINES;
            if (q > from) {
                for (int l = 0; l < LINES; l++) {
                    sums[l] = sums[l] + in[lead + l] - in[trail + l];
                }
            }
            for (int l = 0; l < LINES; l++) {
                out[at + l] = (sums[l] + end * (in[trail + l] + in[outer + l])) * scale;
            }
        }
    }
}
