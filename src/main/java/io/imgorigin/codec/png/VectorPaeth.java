package io.imgorigin.codec.png;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Paeth filter undone for four bytes per pixel with the four bytes as lanes of one vector, so the
 * predictor's comparisons and selections are a few vector instructions per pixel instead of branches
 * per byte. Only loaded when the JVM runs with {@code --add-modules jdk.incubator.vector} (see
 * {@link io.imgorigin.codec.VectorModule}).
 */
final class VectorPaeth {

    private static final VectorSpecies<Integer> FOUR = IntVector.SPECIES_128;
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Byte k of a little-endian int moved into lane k, and back. */
    private static final IntVector SHIFTS = IntVector.fromArray(FOUR, new int[] {0, 8, 16, 24}, 0);

    private VectorPaeth() {
    }

    static void reverse4(byte[] d, int row, int above, int rowBytes) {
        IntVector a = IntVector.zero(FOUR);
        IntVector c = a;
        for (int i = 0; i < rowBytes; i += 4) {
            IntVector b = lanes((int) LITTLE_ENDIAN_INT.get(d, above + i)).and(0xFF);
            IntVector filtered = lanes((int) LITTLE_ENDIAN_INT.get(d, row + i));
            IntVector bMinusC = b.sub(c);
            IntVector pa = bMinusC.abs();
            IntVector aMinusC = a.sub(c);
            IntVector pb = aMinusC.abs();
            IntVector pc = aMinusC.add(bMinusC).abs();
            VectorMask<Integer> cNearer = pc.compare(VectorOperators.LT, pb);
            IntVector bOrC = b.blend(c, cNearer);
            VectorMask<Integer> notA = pb.min(pc).compare(VectorOperators.LT, pa);
            a = filtered.add(a.blend(bOrC, notA)).and(0xFF);
            LITTLE_ENDIAN_INT.set(d, row + i,
                    (int) a.lanewise(VectorOperators.LSHL, SHIFTS).reduceLanesToLong(VectorOperators.OR));
            c = b;
        }
    }

    private static IntVector lanes(int fourBytes) {
        return IntVector.broadcast(FOUR, fourBytes).lanewise(VectorOperators.LSHR, SHIFTS);
    }
}
