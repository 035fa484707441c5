package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.PixelBuffer;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SeparableResampler}'s transpose and horizontal pass written with vectors. Same results as the
 * scalar loops (the same int sums, wrapping the same; the same float steps when un-premultiplying); only
 * loaded when the JVM has the vector module.
 *
 * <p>The horizontal pass keeps each channel's sums for a vector of rows in registers across all of an
 * output column's taps, where the scalar loop, which HotSpot vectorises by itself, loads and stores a
 * strip-long array of sums per tap. The transpose moves blocks of 8×8 values through registers with
 * shuffles instead of storing one value at a time.
 */
final class VectorResampling implements SeparableResampler.StripPass {

    private static final VectorSpecies<Integer> ROWS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOAT_ROWS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = ROWS.length();

    private static final VectorSpecies<Integer> BLOCK = IntVector.SPECIES_256;
    private static final int SIDE = BLOCK.length();
    /** Interleave the first halves of two vectors (lanes past the first vector's pick from the second). */
    private static final VectorShuffle<Integer> ZIP_LOW =
            VectorShuffle.fromOp(BLOCK, i -> (i % 2 == 0 ? 0 : SIDE) + i / 2);
    private static final VectorShuffle<Integer> ZIP_HIGH =
            VectorShuffle.fromOp(BLOCK, i -> (i % 2 == 0 ? 0 : SIDE) + SIDE / 2 + i / 2);

    private static final int BITS = ResampleWeights.BITS;
    private static final int SHIFT = BITS + 8;

    private final ResampleWeights weights;
    private final PixelBuffer out;
    private final int width;
    private final int padded;
    private final int[] shifts;
    /** Per channel, column {@code x} of the strip at {@code [x * padded ...]}. */
    private final int[][] columns;
    /** Output column {@code i} of the strip at {@code [i * padded ...]}, packed. */
    private final int[] outColumns;
    /** Per output column, its taps up to the last non-zero weight (the rest pad every column to the same count). */
    private final int[] used;
    /** The eight rows of {@code rowSums} being transposed, and eight times {@link #outColumns}. */
    private final int[][] eightRows = new int[SIDE][];
    private final int[][] eightOutColumns = new int[SIDE][];

    /**
     * @param width  source width, the length of the vertical pass's rows
     * @param padded strip rows rounded up to whole 8×8 blocks and vectors of rows
     * @param shifts per channel, the bits dropped between the passes
     */
    VectorResampling(ResampleWeights weights, PixelBuffer out, int width, int padded, int[] shifts) {
        this.weights = weights;
        this.out = out;
        this.width = width;
        this.padded = padded;
        this.shifts = shifts;
        this.columns = new int[shifts.length][width * padded];
        this.outColumns = new int[out.width() * padded];
        this.used = usedTaps(weights);
        Arrays.fill(eightOutColumns, outColumns);
    }

    private static int[] usedTaps(ResampleWeights weights) {
        int taps = weights.taps();
        int[] w = weights.weights();
        int[] used = new int[weights.start().length];
        for (int i = 0; i < used.length; i++) {
            int n = taps;
            while (n > 0 && w[i * taps + n - 1] == 0) {
                n--;
            }
            used[i] = n;
        }
        return used;
    }

    @Override
    public void finish(int[][][] rowSums, int count, int first) {
        int rows = Math.ceilDiv(count, SIDE) * SIDE;
        for (int c = 0; c < shifts.length; c++) {
            int[] column = columns[c];
            int shift = shifts[c];
            for (int x = transpose(rowSums, c, rows, shift, column); x < width; x++) {
                for (int j = 0; j < count; j++) {
                    column[x * padded + j] = rowSums[j][c][x] >> shift;
                }
            }
        }
        horizontal(count, first);
        storeRows(count, first);
    }

    /**
     * Whether the vectors here are native to this processor (fewer than 8 int lanes, a 128-bit SIMD unit,
     * would leave the 256-bit blocks of the transpose to slow emulation) and a vector of rows divides the
     * caller's row blocks.
     */
    static boolean suits(int rowBlock) {
        return LANES >= SIDE && rowBlock % LANES == 0 && FLOAT_ROWS.length() == LANES;
    }

    /**
     * Stores {@code columns[x * padded + j] = rowSums[j][c][x] >> shift} for rows {@code 0..rows-1} (a
     * multiple of 8, all present in {@code rowSums}) and the columns of whole 8-column blocks; returns the
     * first column left to the caller.
     */
    private int transpose(int[][][] rowSums, int c, int rows, int shift, int[] columns) {
        int blocks = width / SIDE;
        for (int j = 0; j < rows; j += SIDE) {
            for (int q = 0; q < SIDE; q++) {
                eightRows[q] = rowSums[j + q][c];
            }
            transposeBlocks(eightRows, 0, 0, SIDE, shift, columns, j, padded, SIDE * padded, blocks);
        }
        return blocks * SIDE;
    }

    /**
     * Transposes a row of {@code blocks} 8×8 blocks. Row {@code q} of block {@code n} is read at
     * {@code sources[q][base + q * rowStride + n * step]} and shifted right by {@code shift}; it is stored as
     * column {@code q}, in {@code target[targetBase + n * targetStep + ...]} with rows {@code targetRowStride}
     * apart. Three rounds of interleaving row i with row i+4 transpose a block.
     */
    private static void transposeBlocks(int[][] sources, int base, int rowStride, int step, int shift,
                                        int[] target, int targetBase, int targetRowStride, int targetStep,
                                        int blocks) {
        int[] s0 = sources[0];
        int[] s1 = sources[1];
        int[] s2 = sources[2];
        int[] s3 = sources[3];
        int[] s4 = sources[4];
        int[] s5 = sources[5];
        int[] s6 = sources[6];
        int[] s7 = sources[7];
        for (int n = 0; n < blocks; n++) {
            int from = base + n * step;
            IntVector v0 = load(s0, from, shift);
            IntVector v1 = load(s1, from + rowStride, shift);
            IntVector v2 = load(s2, from + 2 * rowStride, shift);
            IntVector v3 = load(s3, from + 3 * rowStride, shift);
            IntVector v4 = load(s4, from + 4 * rowStride, shift);
            IntVector v5 = load(s5, from + 5 * rowStride, shift);
            IntVector v6 = load(s6, from + 6 * rowStride, shift);
            IntVector v7 = load(s7, from + 7 * rowStride, shift);
            // Written out rather than looped: vectors carried around a loop can end up boxed.
            IntVector a0 = v0.rearrange(ZIP_LOW, v4);
            IntVector a1 = v0.rearrange(ZIP_HIGH, v4);
            IntVector a2 = v1.rearrange(ZIP_LOW, v5);
            IntVector a3 = v1.rearrange(ZIP_HIGH, v5);
            IntVector a4 = v2.rearrange(ZIP_LOW, v6);
            IntVector a5 = v2.rearrange(ZIP_HIGH, v6);
            IntVector a6 = v3.rearrange(ZIP_LOW, v7);
            IntVector a7 = v3.rearrange(ZIP_HIGH, v7);
            IntVector b0 = a0.rearrange(ZIP_LOW, a4);
            IntVector b1 = a0.rearrange(ZIP_HIGH, a4);
            IntVector b2 = a1.rearrange(ZIP_LOW, a5);
            IntVector b3 = a1.rearrange(ZIP_HIGH, a5);
            IntVector b4 = a2.rearrange(ZIP_LOW, a6);
            IntVector b5 = a2.rearrange(ZIP_HIGH, a6);
            IntVector b6 = a3.rearrange(ZIP_LOW, a7);
            IntVector b7 = a3.rearrange(ZIP_HIGH, a7);
            IntVector c0 = b0.rearrange(ZIP_LOW, b4);
            IntVector c1 = b0.rearrange(ZIP_HIGH, b4);
            IntVector c2 = b1.rearrange(ZIP_LOW, b5);
            IntVector c3 = b1.rearrange(ZIP_HIGH, b5);
            IntVector c4 = b2.rearrange(ZIP_LOW, b6);
            IntVector c5 = b2.rearrange(ZIP_HIGH, b6);
            IntVector c6 = b3.rearrange(ZIP_LOW, b7);
            IntVector c7 = b3.rearrange(ZIP_HIGH, b7);
            int to = targetBase + n * targetStep;
            c0.intoArray(target, to);
            c1.intoArray(target, to + targetRowStride);
            c2.intoArray(target, to + 2 * targetRowStride);
            c3.intoArray(target, to + 3 * targetRowStride);
            c4.intoArray(target, to + 4 * targetRowStride);
            c5.intoArray(target, to + 5 * targetRowStride);
            c6.intoArray(target, to + 6 * targetRowStride);
            c7.intoArray(target, to + 7 * targetRowStride);
        }
    }

    private static IntVector load(int[] row, int x, int shift) {
        return IntVector.fromArray(BLOCK, row, x).lanewise(VectorOperators.ASHR, shift);
    }

    /**
     * The horizontal pass over a strip of {@code count} rows starting at output row {@code first}. Column
     * {@code x} of the strip is {@code columns[c][x * padded ...]}, with at least {@code count} rounded up to
     * {@link #LANES} values (the surplus lanes are computed and dropped). Output column {@code i} is
     * gathered in {@code outColumns[i * padded ...]}.
     */
    private void horizontal(int count, int first) {
        int[] starts = weights.start();
        int[] w = weights.weights();
        int taps = weights.taps();
        int outWidth = out.width();
        boolean alpha = out.alpha();
        int[] red = columns[0];
        int[] green = columns[1];
        int[] blue = columns[2];
        int[] opacity = alpha ? columns[3] : null;
        int[] outColumns = this.outColumns;
        int padded = this.padded;
        IntVector start = IntVector.broadcast(ROWS, alpha ? 0 : 1 << (SHIFT - 1));
        for (int i = 0; i < outWidth; i++) {
            int at = i * taps;
            int n = used[i];
            int s = starts[i];
            for (int k = 0; k < count; k += LANES) {
                IntVector r = start;
                IntVector g = start;
                IntVector b = start;
                IntVector a = start;
                for (int t = 0, from = s * padded + k; t < n; t++, from += padded) {
                    int weight = w[at + t];
                    r = r.add(IntVector.fromArray(ROWS, red, from).mul(weight));
                    g = g.add(IntVector.fromArray(ROWS, green, from).mul(weight));
                    b = b.add(IntVector.fromArray(ROWS, blue, from).mul(weight));
                    if (alpha) {
                        a = a.add(IntVector.fromArray(ROWS, opacity, from).mul(weight));
                    }
                }
                IntVector packed = alpha ? unpremultiply(r, g, b, a) : opaque(r, g, b);
                packed.intoArray(outColumns, i * padded + k);
            }
        }
    }

    /** Output rows {@code first..first+count-1} from the strip's columns. */
    private void storeRows(int count, int first) {
        int[] target = out.data();
        int outWidth = out.width();
        int blocks = outWidth / SIDE;
        int wholeRows = count - count % SIDE;
        for (int j = 0; j < wholeRows; j += SIDE) {
            transposeBlocks(eightOutColumns, j, padded, SIDE * padded, 0, target, (first + j) * outWidth, outWidth, SIDE, blocks);
        }
        for (int j = 0; j < count; j++) {
            int i = j < wholeRows ? blocks * SIDE : 0;
            for (int to = (first + j) * outWidth + i; i < outWidth; i++, to++) {
                target[to] = outColumns[i * padded + j];
            }
        }
    }

    private static IntVector opaque(IntVector r, IntVector g, IntVector b) {
        return channel(r.lanewise(VectorOperators.ASHR, SHIFT)).lanewise(VectorOperators.LSHL, 16)
                .or(channel(g.lanewise(VectorOperators.ASHR, SHIFT)).lanewise(VectorOperators.LSHL, 8))
                .or(channel(b.lanewise(VectorOperators.ASHR, SHIFT)))
                .or(0xFF000000);
    }

    /** As the scalar {@code unpremultiply}: colour is {@code sum × 256 / alphaSum}, in the same float steps. */
    private static IntVector unpremultiply(IntVector r, IntVector g, IntVector b, IntVector a) {
        IntVector alpha = channel(a.add(1 << (BITS + 7)).lanewise(VectorOperators.ASHR, BITS + 8));
        FloatVector scale = FloatVector.broadcast(FLOAT_ROWS, 256f).div(toFloat(a));
        IntVector colour = channel(scaled(r, scale)).lanewise(VectorOperators.LSHL, 16)
                .or(channel(scaled(g, scale)).lanewise(VectorOperators.LSHL, 8))
                .or(channel(scaled(b, scale)))
                .or(alpha.lanewise(VectorOperators.LSHL, 24));
        VectorMask<Integer> clear = alpha.compare(VectorOperators.EQ, 0);
        return colour.blend(0, clear);
    }

    private static IntVector scaled(IntVector sum, FloatVector scale) {
        return (IntVector) toFloat(sum).mul(scale).add(0.5f).convert(VectorOperators.F2I, 0);
    }

    private static FloatVector toFloat(IntVector value) {
        return (FloatVector) value.convert(VectorOperators.I2F, 0);
    }

    private static IntVector channel(IntVector value) {
        return value.max(0).min(255);
    }
}
