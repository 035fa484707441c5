package io.imgorigin.processing.filter;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LineKernels} with the vector API: each position's {@link #LINES} floats are one or more whole
 * vectors. The arithmetic is the scalar loops' in the same order (multiply, then add; no fused
 * multiply-add), so the results are identical. Only loaded when the JVM has the vector module.
 */
final class VectorLineKernels implements LineKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    static {
        if (LINES % LANES != 0) {
            throw new ExceptionInInitializerError("vectors of " + LANES + " floats do not divide " + LINES);
        }
    }

    @Override
    public void convolve(float[] in, float[] out, int from, int to, float[] weights, int radius) {
        int taps = weights.length;
        for (int q = from; q < to; q++) {
            int first = (q - radius) * LINES;
            for (int l = 0; l < LINES; l += LANES) {
                FloatVector sum = FloatVector.zero(SPECIES);
                for (int k = 0, at = first + l; k < taps; k++, at += LINES) {
                    sum = sum.add(FloatVector.fromArray(SPECIES, in, at).mul(weights[k]));
                }
                sum.intoArray(out, q * LINES + l);
            }
        }
    }

    @Override
    public void box(float[] in, float[] out, int from, int to, int radius, float end, float scale) {
        for (int l = 0; l < LINES; l += LANES) {
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int k = -radius; k <= radius; k++) {
                sum = sum.add(FloatVector.fromArray(SPECIES, in, (from + k) * LINES + l));
            }
            int lead = (from + radius) * LINES + l;
            int trail = (from - radius - 1) * LINES + l;
            int outer = (from + radius + 1) * LINES + l;
            store(in, out, sum, trail, outer, end, scale, from * LINES + l);
            for (int q = from + 1; q < to; q++) {
                lead += LINES;
                trail += LINES;
                outer += LINES;
                sum = sum.add(FloatVector.fromArray(SPECIES, in, lead))
                        .sub(FloatVector.fromArray(SPECIES, in, trail));
                store(in, out, sum, trail, outer, end, scale, q * LINES + l);
            }
        }
    }

    private static void store(float[] in, float[] out, FloatVector sum, int trail, int outer, float end, float scale,
                              int to) {
        FloatVector ends = FloatVector.fromArray(SPECIES, in, trail).add(FloatVector.fromArray(SPECIES, in, outer));
        sum.add(ends.mul(end)).mul(scale).intoArray(out, to);
    }
}
