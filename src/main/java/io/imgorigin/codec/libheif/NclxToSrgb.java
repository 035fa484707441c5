package io.imgorigin.codec.libheif;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Turns RGB samples (8 or up to 16 bits) described by an nclx profile (colour primaries, transfer characteristics)
 * into 8-bit sRGB: the transfer is undone (PQ and HLG to display light with SDR white at 203 cd/m², BT.709
 * and sRGB curves alike as sRGB's, linear as it is), the primaries are mapped to BT.709's through XYZ,
 * highlights above SDR white are rolled off smoothly into range, and sRGB's curve is applied again.
 */
final class NclxToSrgb {

    /** Size of {@code struct heif_color_profile_nclx} (version 1). */
    static final long NCLX_SIZE = 52;

    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int PRIMARIES_BT709 = 1;
    private static final int PRIMARIES_UNSPECIFIED = 2;
    private static final int TRANSFER_LINEAR = 8;
    private static final int TRANSFER_PQ = 16;
    private static final int TRANSFER_HLG = 18;
    private static final double SDR_WHITE_NITS = 203;
    private static final double HLG_PEAK_NITS = 1000;
    private static final double KNEE = 0.8;
    private static final int ENCODE_STEPS = 4096;
    /** BT.709 / sRGB primaries and D65, as xy chromaticities. */
    private static final double[] BT709 = {0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290};
    private static final double[] BT2020_LUMA = {0.2627, 0.6780, 0.0593};

    private final int transfer;
    /** Source RGB to BT.709 RGB (linear), row-major, or null for none. */
    private final double[] matrix;
    private final boolean identity;

    private NclxToSrgb(int transfer, double[] matrix, boolean identity) {
        this.transfer = transfer;
        this.matrix = matrix;
        this.identity = identity;
    }

    /** For samples that are sRGB already: only their depth is reduced. */
    static NclxToSrgb identity() {
        return new NclxToSrgb(0, null, true);
    }

    /** The conversion a profile asks for, or null when its samples are sRGB already (only deeper). */
    static NclxToSrgb of(MemorySegment nclx) {
        if (nclx.get(JAVA_BYTE, 0) < 1) {
            return null;
        }
        int primaries = nclx.get(JAVA_INT, 4);
        int transfer = nclx.get(JAVA_INT, 8);
        double[] matrix = null;
        if (primaries != PRIMARIES_BT709 && primaries != PRIMARIES_UNSPECIFIED) {
            double[] xy = new double[8];
            for (int i = 0; i < 8; i++) {
                xy[i] = nclx.get(JAVA_FLOAT, 20 + 4L * i);
            }
            matrix = toBt709(xy);
        }
        boolean special = transfer == TRANSFER_LINEAR || transfer == TRANSFER_PQ || transfer == TRANSFER_HLG;
        if (matrix == null && !special) {
            return null;
        }
        return new NclxToSrgb(transfer, matrix, false);
    }

    /**
     * Converts interleaved RGB(A) samples of {@code sampleBytes} bytes each (little-endian) holding
     * {@code bits} bits into packed 8-bit (A)RGB.
     */
    void convert(MemorySegment plane, int stride, int width, int height, boolean alpha, int bits, int sampleBytes,
            int[] out) {
        int depth = bits < 1 || bits > 8 * sampleBytes ? 8 * sampleBytes : bits;
        int max = (1 << depth) - 1;
        int channels = alpha ? 4 : 3;
        float[] linear = identity ? null : linearTable(max);
        byte[] encode = identity ? null : encodeTable();
        for (int y = 0; y < height; y++) {
            long row = (long) y * stride;
            int o = y * width;
            for (int x = 0; x < width; x++) {
                long p = row + (long) sampleBytes * channels * x;
                int r = Math.min(max, sample(plane, p, sampleBytes));
                int g = Math.min(max, sample(plane, p + sampleBytes, sampleBytes));
                int b = Math.min(max, sample(plane, p + 2L * sampleBytes, sampleBytes));
                int a = alpha ? scale(Math.min(max, sample(plane, p + 3L * sampleBytes, sampleBytes)), max) : 255;
                int rgb;
                if (identity) {
                    rgb = scale(r, max) << 16 | scale(g, max) << 8 | scale(b, max);
                } else {
                    rgb = pixel(linear[r], linear[g], linear[b], encode);
                }
                out[o + x] = alpha ? a << 24 | rgb : rgb;
            }
        }
    }

    private static int sample(MemorySegment plane, long offset, int sampleBytes) {
        return sampleBytes == 1 ? plane.get(JAVA_BYTE, offset) & 0xFF : plane.get(U16, offset) & 0xFFFF;
    }

    private int pixel(double r, double g, double b, byte[] encode) {
        if (transfer == TRANSFER_HLG) {
            // HLG's OOTF: display light from scene light by its luminance, for a 1000 cd/m² display.
            double ys = BT2020_LUMA[0] * r + BT2020_LUMA[1] * g + BT2020_LUMA[2] * b;
            double gain = ys <= 0 ? 0 : HLG_PEAK_NITS / SDR_WHITE_NITS * Math.pow(ys, 0.2);
            r *= gain;
            g *= gain;
            b *= gain;
        }
        if (matrix != null) {
            double r2 = matrix[0] * r + matrix[1] * g + matrix[2] * b;
            double g2 = matrix[3] * r + matrix[4] * g + matrix[5] * b;
            double b2 = matrix[6] * r + matrix[7] * g + matrix[8] * b;
            r = Math.max(0, r2);
            g = Math.max(0, g2);
            b = Math.max(0, b2);
        }
        double m = Math.max(r, Math.max(g, b));
        if (m > KNEE) {
            double rolled = KNEE + (1 - KNEE) * (1 - Math.exp(-(m - KNEE) / (1 - KNEE)));
            double k = rolled / m;
            r *= k;
            g *= k;
            b *= k;
        }
        return (encode[index(r)] & 0xFF) << 16 | (encode[index(g)] & 0xFF) << 8 | (encode[index(b)] & 0xFF);
    }

    private static int index(double v) {
        return (int) Math.round(Math.min(1, Math.max(0, v)) * (ENCODE_STEPS - 1));
    }

    private static int scale(int value, int max) {
        return (value * 255 + max / 2) / max;
    }

    /** Code value to linear light, 1.0 being SDR white (scene light 0..1 for HLG, before its OOTF). */
    private float[] linearTable(int max) {
        float[] table = new float[max + 1];
        for (int i = 0; i <= max; i++) {
            double e = (double) i / max;
            table[i] = (float) switch (transfer) {
                case TRANSFER_PQ -> pq(e) / SDR_WHITE_NITS;
                case TRANSFER_HLG -> hlg(e);
                case TRANSFER_LINEAR -> e;
                default -> srgbToLinear(e);
            };
        }
        return table;
    }

    private static byte[] encodeTable() {
        byte[] table = new byte[ENCODE_STEPS];
        for (int i = 0; i < ENCODE_STEPS; i++) {
            double v = (double) i / (ENCODE_STEPS - 1);
            double e = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
            table[i] = (byte) Math.round(Math.min(1, Math.max(0, e)) * 255);
        }
        return table;
    }

    private static double srgbToLinear(double e) {
        return e <= 0.04045 ? e / 12.92 : Math.pow((e + 0.055) / 1.055, 2.4);
    }

    /** SMPTE ST 2084's EOTF, in cd/m². */
    private static double pq(double e) {
        double m1 = 2610.0 / 16384;
        double m2 = 2523.0 / 4096 * 128;
        double c1 = 3424.0 / 4096;
        double c2 = 2413.0 / 4096 * 32;
        double c3 = 2392.0 / 4096 * 32;
        double p = Math.pow(e, 1 / m2);
        return 10000 * Math.pow(Math.max(p - c1, 0) / (c2 - c3 * p), 1 / m1);
    }

    /** BT.2100 HLG's inverse OETF: scene light 0..1. */
    private static double hlg(double e) {
        double a = 0.17883277;
        double b = 1 - 4 * a;
        double c = 0.5 - a * Math.log(4 * a);
        return e <= 0.5 ? e * e / 3 : (Math.exp((e - c) / a) + b) / 12;
    }

    /** Linear RGB of the given primaries to linear BT.709 RGB, or null when they are not usable. */
    static double[] toBt709(double[] xy) {
        double[] source = rgbToXyz(xy);
        double[] target = rgbToXyz(BT709);
        if (source == null || target == null) {
            return null;
        }
        double[] inverse = invert(target);
        return inverse == null ? null : multiply(inverse, source);
    }

    private static double[] rgbToXyz(double[] xy) {
        for (int i = 1; i < 8; i += 2) {
            if (!(xy[i] > 1e-6) || !(xy[i - 1] >= 0) || xy[i - 1] + xy[i] > 1 + 1e-6) {
                return null;
            }
        }
        double[] p = new double[9];
        for (int c = 0; c < 3; c++) {
            double x = xy[2 * c];
            double y = xy[2 * c + 1];
            p[c] = x / y;
            p[3 + c] = 1;
            p[6 + c] = (1 - x - y) / y;
        }
        double[] white = {xy[6] / xy[7], 1, (1 - xy[6] - xy[7]) / xy[7]};
        double[] inverse = invert(p);
        if (inverse == null) {
            return null;
        }
        double[] s = new double[3];
        for (int r = 0; r < 3; r++) {
            s[r] = inverse[3 * r] * white[0] + inverse[3 * r + 1] * white[1] + inverse[3 * r + 2] * white[2];
        }
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[3 * r + c] = p[3 * r + c] * s[c];
            }
        }
        return m;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
            }
        }
        return m;
    }

    private static double[] invert(double[] m) {
        double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (!(Math.abs(det) > 1e-12)) {
            return null;
        }
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            (m[5] * m[6] - m[3] * m[8]) / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            (m[3] * m[7] - m[4] * m[6]) / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det};
    }
}
