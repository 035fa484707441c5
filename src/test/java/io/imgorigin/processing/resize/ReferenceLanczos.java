package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;

/** A plain, slow, double-precision Lanczos3 over the full image: the yardstick for the Resizer. */
final class ReferenceLanczos {

    private ReferenceLanczos() {
    }

    static BufferedImage resize(BufferedImage image, int width, int height) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        int[] src = TestImages.pixels(image);
        double[][] horizontal = new double[3][width * sh];
        for (int y = 0; y < sh; y++) {
            int row = y * sw;
            for (int x = 0; x < width; x++) {
                double[] acc = filter(sw, width, x, i -> src[row + i]);
                for (int c = 0; c < 3; c++) {
                    horizontal[c][y * width + x] = acc[c];
                }
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int column = x;
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double[] plane = horizontal[c];
                    double value = sample(sh, height, y, i -> plane[i * width + column]);
                    rgb |= (int) Math.max(0, Math.min(255, Math.round(value))) << (16 - 8 * c);
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    private static double[] filter(int in, int out, int index, java.util.function.IntUnaryOperator pixel) {
        double[] acc = new double[3];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            acc[c] = sample(in, out, index, i -> pixel.applyAsInt(i) >> shift & 0xFF);
        }
        return acc;
    }

    private static double sample(int in, int out, int index, java.util.function.IntToDoubleFunction value) {
        double scale = (double) in / out;
        double stretch = Math.max(1, scale);
        double centre = (index + 0.5) * scale - 0.5;
        double support = 3 * stretch;
        double sum = 0;
        double weights = 0;
        for (int i = (int) Math.floor(centre - support); i <= (int) Math.ceil(centre + support); i++) {
            double w = lanczos3((i - centre) / stretch);
            sum += w * value.applyAsDouble(Math.max(0, Math.min(in - 1, i)));
            weights += w;
        }
        return sum / weights;
    }

    private static double lanczos3(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= 3) {
            return 0;
        }
        double px = Math.PI * x;
        return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
    }
}
