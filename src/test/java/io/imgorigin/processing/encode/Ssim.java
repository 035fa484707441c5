package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;

/**
 * The mean structural similarity (SSIM, Wang, Bovik, Sheikh and Simoncelli 2004) of two images of one size,
 * on luma (Y = 0.299 R + 0.587 G + 0.114 B, 0..255): local means, variances and covariance under an
 * 11×11 Gaussian window of σ 1.5, C1 = (0.01·255)², C2 = (0.03·255)², averaged over every window that
 * lies inside the image.
 */
public final class Ssim {

    private static final int RADIUS = 5;
    private static final double SIGMA = 1.5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] WEIGHTS = weights();

    private Ssim() {
    }

    public static double mean(BufferedImage a, BufferedImage b) {
        int width = a.getWidth();
        int height = a.getHeight();
        if (b.getWidth() != width || b.getHeight() != height) {
            throw new IllegalArgumentException("images of different sizes");
        }
        if (width <= 2 * RADIUS || height <= 2 * RADIUS) {
            throw new IllegalArgumentException("images smaller than the window");
        }
        double[] x = luma(a);
        double[] y = luma(b);
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        double[] xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mx = blur(x, width, height);
        double[] my = blur(y, width, height);
        double[] sxx = blur(xx, width, height);
        double[] syy = blur(yy, width, height);
        double[] sxy = blur(xy, width, height);
        double sum = 0;
        long count = 0;
        for (int row = RADIUS; row < height - RADIUS; row++) {
            for (int column = RADIUS; column < width - RADIUS; column++) {
                int i = row * width + column;
                double ux = mx[i];
                double uy = my[i];
                double vx = sxx[i] - ux * ux;
                double vy = syy[i] - uy * uy;
                double cxy = sxy[i] - ux * uy;
                sum += (2 * ux * uy + C1) * (2 * cxy + C2) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
                count++;
            }
        }
        return sum / count;
    }

    private static double[] luma(BufferedImage image) {
        int width = image.getWidth();
        double[] luma = new double[width * image.getHeight()];
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = row[x];
                luma[y * width + x] = 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
            }
        }
        return luma;
    }

    /** The separable Gaussian window applied where it fits (values near the borders are not used). */
    private static double[] blur(double[] values, int width, int height) {
        double[] across = new double[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = RADIUS; x < width - RADIUS; x++) {
                double sum = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    sum += WEIGHTS[k + RADIUS] * values[y * width + x + k];
                }
                across[y * width + x] = sum;
            }
        }
        double[] out = new double[values.length];
        for (int y = RADIUS; y < height - RADIUS; y++) {
            for (int x = RADIUS; x < width - RADIUS; x++) {
                double sum = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    sum += WEIGHTS[k + RADIUS] * across[(y + k) * width + x];
                }
                out[y * width + x] = sum;
            }
        }
        return out;
    }

    private static double[] weights() {
        double[] weights = new double[2 * RADIUS + 1];
        double total = 0;
        for (int k = -RADIUS; k <= RADIUS; k++) {
            weights[k + RADIUS] = Math.exp(-(k * k) / (2 * SIGMA * SIGMA));
            total += weights[k + RADIUS];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }
}
