package io.imgorigin.processing.filter;

/**
 * A one-dimensional Gaussian as the blur runs it: an exact sampled kernel for small sigmas, a cascade of
 * box filters (running sums, the same cost whatever the sigma) for large ones.
 */
sealed interface LineFilter {

    /** Up to this sigma the kernel is sampled exactly; its cost grows with the sigma, the boxes' does not. */
    double EXACT_UP_TO = 5.0;

    /**
     * Box passes above {@link #EXACT_UP_TO}. Their sum approaches a Gaussian as the passes grow: three are
     * 2.5 levels off on a hard edge, six 1.2 (bench/README.md, Blur and sharpen).
     */
    int BOX_PASSES = 6;

    /** How far beyond a line's ends the filter reads: the edge padding a line needs. */
    int reach();

    static LineFilter gaussian(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite: " + sigma);
        }
        return sigma <= EXACT_UP_TO ? Exact.of(sigma) : Boxes.of(sigma, BOX_PASSES);
    }

    /** Weights {@code w[k]} for offsets {@code k - radius}, summing to one. */
    record Exact(float[] weights, int radius) implements LineFilter {

        static Exact of(double sigma) {
            int radius = Math.max(1, (int) Math.ceil(3 * sigma));
            double[] w = new double[2 * radius + 1];
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
                w[k + radius] = Math.exp(-k * (double) k / (2 * sigma * sigma));
                sum += w[k + radius];
            }
            float[] weights = new float[w.length];
            for (int k = 0; k < w.length; k++) {
                weights[k] = (float) (w[k] / sum);
            }
            return new Exact(weights, radius);
        }

        @Override
        public int reach() {
            return radius;
        }
    }

    /**
     * {@code passes} identical extended boxes (Gwosdek et al. 2011): ones over offsets {@code -radius..radius}
     * and {@code end} (0 to 1) at {@code ±(radius + 1)}, so that the variance, sigma² / passes each, is met
     * exactly and not only to whole box widths.
     */
    record Boxes(int passes, int radius, float end, float scale) implements LineFilter {

        static Boxes of(double sigma, int passes) {
            double variance = sigma * sigma / passes;
            // A plain box over -r..r has variance r(r+1)/3: the widest one not above the target.
            int r = (int) Math.floor((Math.sqrt(12 * variance + 1) - 1) / 2);
            while ((r + 1) * (r + 2) / 3.0 <= variance) {
                r++;
            }
            while (r > 0 && r * (r + 1) / 3.0 > variance) {
                r--;
            }
            double end = (2 * r + 1) * (variance - r * (r + 1) / 3.0) / (2 * ((r + 1.0) * (r + 1) - variance));
            return new Boxes(passes, r, (float) end, (float) (1 / (2 * r + 1 + 2 * end)));
        }

        @Override
        public int reach() {
            return passes * (radius + 1);
        }
    }
}
