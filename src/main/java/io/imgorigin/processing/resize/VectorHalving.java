package io.imgorigin.processing.resize;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BoxReducer}'s 2×2 averaging of opaque pixels, a vector of output pixels at a time: the two rows'
 * channel sums are added lane by lane, and a shuffle of each pair of vectors brings the even and the odd
 * columns together. Same results as the scalar loop; only loaded when the JVM has the vector module.
 */
final class VectorHalving {

    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Lane i takes lane 2i of the pair of vectors (indices past the first vector pick from the second). */
    private static final VectorShuffle<Integer> EVEN = VectorShuffle.fromOp(SPECIES, i -> 2 * i);
    private static final VectorShuffle<Integer> ODD = VectorShuffle.fromOp(SPECIES, i -> 2 * i + 1);

    private VectorHalving() {
    }

    /** Writes {@code blocks} outputs from {@code to}; returns how many it wrote, a multiple of the lane count. */
    static int halveRows(int[] data, int upper, int lower, int[] target, int to, int blocks) {
        int done = 0;
        for (; done + LANES <= blocks; done += LANES) {
            int x = 2 * done;
            IntVector u0 = IntVector.fromArray(SPECIES, data, upper + x);
            IntVector u1 = IntVector.fromArray(SPECIES, data, upper + x + LANES);
            IntVector l0 = IntVector.fromArray(SPECIES, data, lower + x);
            IntVector l1 = IntVector.fromArray(SPECIES, data, lower + x + LANES);
            IntVector redBlue0 = u0.and(0xFF00FF).add(l0.and(0xFF00FF));
            IntVector redBlue1 = u1.and(0xFF00FF).add(l1.and(0xFF00FF));
            IntVector green0 = u0.and(0xFF00).add(l0.and(0xFF00));
            IntVector green1 = u1.and(0xFF00).add(l1.and(0xFF00));
            IntVector redBlue = redBlue0.rearrange(EVEN, redBlue1).add(redBlue0.rearrange(ODD, redBlue1)).add(0x20002);
            IntVector green = green0.rearrange(EVEN, green1).add(green0.rearrange(ODD, green1)).add(0x200);
            redBlue.lanewise(VectorOperators.LSHR, 2).and(0xFF00FF)
                    .or(green.lanewise(VectorOperators.LSHR, 2).and(0xFF00))
                    .or(0xFF000000)
                    .intoArray(target, to + done);
        }
        return done;
    }
}
