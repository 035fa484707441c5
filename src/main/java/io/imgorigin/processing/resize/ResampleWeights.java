package io.imgorigin.processing.resize;

/**
 * Lanczos3 weights along one axis, precomputed once per output column (or row) in 14-bit fixed point.
 * Output sample {@code i} covers the source span centred on {@code (first + i + 0.5) * scale} (in
 * source pixels, counted from the start of the full axis), so a cropped window gets exactly the
 * samples a full resize would have given it. Taps that fall off the axis are folded onto its edge
 * pixels, which is the same as clamping the source.
 *
 *
 * <p>Every output sample has the same number of taps, the shorter runs padded with zero weights, so
 * that the resampler's inner loop always runs the same count (a loop whose length changes from one
 * pixel to the next costs a mispredicted branch per pixel).
 *
 * @param start   index (relative to {@code origin}) of the first source sample of each output sample;
 *                {@code start + taps} never passes the available samples
 * @param taps    number of taps of every output sample
 * @param weights {@code taps} weights per output sample, one run after the other
 */
record ResampleWeights(int[] start, int taps, int[] weights) {

    static final int BITS = 14;
    static final int ONE = 1 << BITS;
    private static final double LOBES = 3;

    /**
     * @param length   number of source samples available, starting at {@code origin}; taps beyond
     *                 them are folded onto the first or last, so they must end only where the axis does
     * @param origin   index of the first available sample on the full axis
     * @param first    index of the first output sample on the full output axis
     * @param outputs  number of output samples
     * @param scale    source samples per output sample
     */
    static ResampleWeights lanczos3(int length, int origin, int first, int outputs, double scale) {
        double stretch = Math.max(1.0, scale);
        double support = LOBES * stretch;
        int stride = (int) Math.ceil(2 * support) + 2;
        int[] start = new int[outputs];
        int[] count = new int[outputs];
        int[] weights = new int[outputs * stride];
        double[] exact = new double[stride];
        int low = origin;
        int high = origin + length - 1;
        for (int i = 0; i < outputs; i++) {
            double centre = (first + i + 0.5) * scale - 0.5;
            int left = Math.max(low, (int) Math.floor(centre - support) + 1);
            int right = Math.min(high, (int) Math.ceil(centre + support) - 1);
            if (left > right) {
                left = right = Math.clamp(Math.round(centre), low, high);
            }
            java.util.Arrays.fill(exact, 0, right - left + 1, 0.0);
            double sum = 0;
            for (int j = (int) Math.floor(centre - support) + 1; j <= (int) Math.ceil(centre + support) - 1; j++) {
                double w = kernel((j - centre) / stretch);
                exact[Math.clamp(j, left, right) - left] += w;
                sum += w;
            }
            quantize(exact, right - left + 1, sum, weights, i * stride);
            int trimmed = trim(weights, i * stride, right - left + 1);
            start[i] = left - origin + (trimmed >>> 16);
            count[i] = trimmed & 0xFFFF;
        }
        return uniform(start, count, weights, stride, length);
    }

    /** Repacks runs of {@code count[i]} weights, {@code stride} apart, into runs of one common length. */
    private static ResampleWeights uniform(int[] start, int[] count, int[] weights, int stride, int length) {
        int taps = 1;
        for (int n : count) {
            taps = Math.max(taps, n);
        }
        int[] packed = new int[start.length * taps];
        for (int i = 0; i < start.length; i++) {
            // A run near the far end starts earlier and puts its weights later, to stay on the axis.
            int shift = Math.max(0, start[i] + taps - length);
            start[i] -= shift;
            System.arraycopy(weights, i * stride, packed, i * taps + shift, count[i]);
        }
        return new ResampleWeights(start, taps, packed);
    }

    private static void quantize(double[] exact, int n, double sum, int[] target, int at) {
        int total = 0;
        int largest = 0;
        for (int k = 0; k < n; k++) {
            target[at + k] = (int) Math.round(exact[k] / sum * ONE);
            total += target[at + k];
            if (target[at + k] > target[at + largest]) {
                largest = k;
            }
        }
        target[at + largest] += ONE - total;
    }

    /**
     * Drops zero weights at both ends (an unscaled axis ends up with a single tap) and moves the rest
     * to the front of the run. Returns the number of leading taps dropped in the high half and the
     * number kept in the low half.
     */
    private static int trim(int[] weights, int at, int n) {
        int lead = 0;
        while (lead < n - 1 && weights[at + lead] == 0) {
            lead++;
        }
        int end = n;
        while (end > lead + 1 && weights[at + end - 1] == 0) {
            end--;
        }
        int kept = end - lead;
        System.arraycopy(weights, at + lead, weights, at, kept);
        java.util.Arrays.fill(weights, at + kept, at + n, 0);
        return lead << 16 | kept;
    }

    private static double kernel(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }
}
