package io.imgorigin.processing.info;

/**
 * A BlurHash decoder written for the tests from the format's description: the inverse of the encoder, to
 * check that a hash decodes back to the image it was made from.
 */
public final class BlurHashDecoder {

    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    private BlurHashDecoder() {
    }

    public static int componentsX(String hash) {
        return number(hash, 0, 1) % 9 + 1;
    }

    public static int componentsY(String hash) {
        return number(hash, 0, 1) / 9 + 1;
    }

    /** The hash as width×height pixels 0xRRGGBB, row by row. */
    public static int[] decode(String hash, int width, int height) {
        int x = componentsX(hash);
        int y = componentsY(hash);
        if (hash.length() != 4 + 2 * x * y) {
            throw new IllegalArgumentException("a hash of " + x + "×" + y + " components has " + (4 + 2 * x * y)
                    + " characters, not " + hash.length());
        }
        double maximum = (number(hash, 1, 2) + 1) / 166.0;
        double[][] colours = new double[x * y][];
        int dc = number(hash, 2, 6);
        colours[0] = new double[] {linear(dc >> 16), linear(dc >> 8 & 0xFF), linear(dc & 0xFF)};
        for (int k = 1; k < x * y; k++) {
            int value = number(hash, 4 + 2 * k, 6 + 2 * k);
            colours[k] = new double[] {ac(value / (19 * 19), maximum), ac(value / 19 % 19, maximum),
                    ac(value % 19, maximum)};
        }
        int[] pixels = new int[width * height];
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int j = 0; j < y; j++) {
                    for (int i = 0; i < x; i++) {
                        double basis = Math.cos(Math.PI * px * i / width) * Math.cos(Math.PI * py * j / height);
                        double[] c = colours[j * x + i];
                        r += c[0] * basis;
                        g += c[1] * basis;
                        b += c[2] * basis;
                    }
                }
                pixels[py * width + px] = srgb(r) << 16 | srgb(g) << 8 | srgb(b);
            }
        }
        return pixels;
    }

    /** The mean 8-bit R, G, B of a rectangle of decoded pixels. */
    public static int[] mean(int[] pixels, int width, int x0, int y0, int w, int h) {
        long[] sums = new long[3];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int p = pixels[y * width + x];
                sums[0] += p >> 16 & 0xFF;
                sums[1] += p >> 8 & 0xFF;
                sums[2] += p & 0xFF;
            }
        }
        long n = (long) w * h;
        return new int[] {(int) (sums[0] / n), (int) (sums[1] / n), (int) (sums[2] / n)};
    }

    private static double ac(int quantised, double maximum) {
        double v = (quantised - 9) / 9.0;
        return Math.copySign(v * v, v) * maximum;
    }

    private static int number(String hash, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = DIGITS.indexOf(hash.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("'" + hash.charAt(i) + "' is no base-83 digit");
            }
            value = value * 83 + digit;
        }
        return value;
    }

    private static double linear(int srgb) {
        double v = srgb / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int srgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return (int) Math.round((v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255);
    }
}
