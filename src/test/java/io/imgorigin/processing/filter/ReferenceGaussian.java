package io.imgorigin.processing.filter;

/**
 * The Gaussian the filters approximate, in double precision: the sampled kernel out to 10 sigma (where
 * what is left is below 1e-20), normalised, on a line extended with its end values.
 */
final class ReferenceGaussian {

    private ReferenceGaussian() {
    }

    static double[] blur(double[] line, double sigma) {
        int radius = (int) Math.ceil(10 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-(double) k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        double[] out = new double[line.length];
        for (int x = 0; x < line.length; x++) {
            double v = 0;
            for (int k = -radius; k <= radius; k++) {
                v += kernel[k + radius] * line[Math.clamp(x + k, 0, line.length - 1)];
            }
            out[x] = v / sum;
        }
        return out;
    }

    /** {@code plane[y][x]} blurred along rows, then columns. */
    static double[][] blur(double[][] plane, double sigma) {
        int height = plane.length;
        int width = plane[0].length;
        double[][] rows = new double[height][];
        for (int y = 0; y < height; y++) {
            rows[y] = blur(plane[y], sigma);
        }
        double[][] out = new double[height][width];
        double[] column = new double[height];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                column[y] = rows[y][x];
            }
            double[] blurred = blur(column, sigma);
            for (int y = 0; y < height; y++) {
                out[y][x] = blurred[y];
            }
        }
        return out;
    }
}
