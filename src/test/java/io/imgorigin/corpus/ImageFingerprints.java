package io.imgorigin.corpus;

import java.awt.image.BufferedImage;

/** The MANIFEST's ways of describing an image: mean colour and a 64-bit difference hash. */
final class ImageFingerprints {

    private ImageFingerprints() {
    }

    /** Mean sRGB over the whole image, alpha flattened on white. */
    static int[] meanOnWhite(BufferedImage image) {
        long[] sum = new long[3];
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                int[] rgb = flatten(argb, 255);
                sum[0] += rgb[0];
                sum[1] += rgb[1];
                sum[2] += rgb[2];
            }
        }
        long n = (long) width * height;
        return new int[] {(int) Math.round(sum[0] / (double) n), (int) Math.round(sum[1] / (double) n),
                (int) Math.round(sum[2] / (double) n)};
    }

    /**
     * The MANIFEST's dhash64: alpha flattened over grey 128, luma .299R+.587G+.114B, box-averaged to 9×8,
     * a bit per pair of horizontal neighbours (1 when the left one is darker), rows top to bottom, MSB first.
     */
    static long dhash(BufferedImage image) {
        double[][] cells = cells(image);
        long hash = 0;
        for (int by = 0; by < 8; by++) {
            for (int bx = 0; bx < 8; bx++) {
                hash = hash << 1 | (cells[by][bx] < cells[by][bx + 1] ? 1 : 0);
            }
        }
        return hash;
    }

    /**
     * Bits that differ from {@code expected}, counting only pairs whose luma differs by at least
     * {@link #SIGNIFICANT_LUMA}: in a flat region the bit is decided by rounding noise, which any
     * decoder, resampler or encoder may flip, and says nothing about what the image shows.
     */
    static int dhashDistance(BufferedImage image, long expected) {
        double[][] cells = cells(image);
        int distance = 0;
        for (int by = 0; by < 8; by++) {
            for (int bx = 0; bx < 8; bx++) {
                double left = cells[by][bx];
                double right = cells[by][bx + 1];
                long bit = 1L << (63 - (by * 8 + bx));
                boolean darkerLeft = left < right;
                boolean expectedDarkerLeft = (expected & bit) != 0;
                if (darkerLeft != expectedDarkerLeft && Math.abs(left - right) >= SIGNIFICANT_LUMA) {
                    distance++;
                }
            }
        }
        return distance;
    }

    private static final double SIGNIFICANT_LUMA = 1.0;

    private static double[][] cells(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double[][] sums = new double[8][9];
        double[][] weights = new double[8][9];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int[] rgb = flatten(row[x], 128);
                double luma = .299 * rgb[0] + .587 * rgb[1] + .114 * rgb[2];
                addBox(sums, weights, x, y, width, height, luma);
            }
        }
        for (int by = 0; by < 8; by++) {
            for (int bx = 0; bx < 9; bx++) {
                sums[by][bx] /= weights[by][bx];
            }
        }
        return sums;
    }

    /** Spreads a pixel over the 9×8 cells it overlaps, weighted by the overlap (an exact box average). */
    private static void addBox(double[][] sums, double[][] weights, int x, int y, int width, int height, double value) {
        double x0 = x * 9.0 / width;
        double x1 = (x + 1) * 9.0 / width;
        double y0 = y * 8.0 / height;
        double y1 = (y + 1) * 8.0 / height;
        for (int by = (int) y0; by < Math.min(8, Math.ceil(y1)); by++) {
            double hy = Math.min(y1, by + 1) - Math.max(y0, by);
            if (hy <= 0) {
                continue;
            }
            for (int bx = (int) x0; bx < Math.min(9, Math.ceil(x1)); bx++) {
                double wx = Math.min(x1, bx + 1) - Math.max(x0, bx);
                if (wx > 0) {
                    sums[by][bx] += value * wx * hy;
                    weights[by][bx] += wx * hy;
                }
            }
        }
    }

    private static int[] flatten(int argb, int backdrop) {
        int a = argb >>> 24;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            int v = argb >> (16 - 8 * c) & 0xff;
            rgb[c] = (v * a + backdrop * (255 - a) + 127) / 255;
        }
        return rgb;
    }
}
