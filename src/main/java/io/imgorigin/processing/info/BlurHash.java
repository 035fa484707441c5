package io.imgorigin.processing.info;

/**
 * The BlurHash encoding of an image (as Wolt describes the format): the image's colours, in linear light,
 * are projected onto {@code x}×{@code y} cosine components; the first (the mean colour) is stored as sRGB
 * in four base-83 digits, the others, scaled by their largest magnitude and square-root compressed, in
 * two digits each, after one digit for the component counts and one for that largest magnitude.
 */
public final class BlurHash {

    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    private static final double[] TO_LINEAR = new double[256];
    /** 8-bit sRGB of linear values in steps of 1/{@value #TO_SRGB_STEPS}: within a level of {@link #toSrgb}. */
    private static final int TO_SRGB_STEPS = 1 << 14;
    private static final byte[] TO_SRGB = new byte[TO_SRGB_STEPS + 1];

    static {
        for (int i = 0; i < 256; i++) {
            double v = i / 255.0;
            TO_LINEAR[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        for (int i = 0; i <= TO_SRGB_STEPS; i++) {
            TO_SRGB[i] = (byte) toSrgb((double) i / TO_SRGB_STEPS);
        }
    }

    private BlurHash() {
    }

    /**
     * @param rgb    opaque pixels 0xRRGGBB (the top byte ignored), row by row
     * @param width  pixels per row
     * @param height rows
     * @param x      components across, 1..9
     * @param y      components down, 1..9
     */
    public static String encode(int[] rgb, int width, int height, int x, int y) {
        check(rgb, width, height, x, y);
        double[][] factors = project(linear(rgb, width * height), width, height, x, y);
        double[] mean = factors[0];
        return format(x, y, quantise(factors), toSrgb(mean[0]) << 16 | toSrgb(mean[1]) << 8 | toSrgb(mean[2]));
    }

    /**
     * Like {@link #encode}, but with the mean colour chosen so that a BlurHash decoder gives back an image
     * whose mean sRGB colour is the source's. The components describe the image in linear light, which
     * averages light rather than sRGB values: from the components alone, a decoded image is brighter than the
     * source wherever small bright parts lie in a dark surround (on the corpus photos by up to 21 levels).
     * The other components are the standard ones; the format is unchanged.
     */
    public static String encodeAsSeen(int[] rgb, int width, int height, int x, int y) {
        check(rgb, width, height, x, y);
        double[][] linear = linear(rgb, width * height);
        double[][] factors = project(linear, width, height, x, y);
        Quantised quantised = quantise(factors);
        double[][] detail = new double[3][width * height];
        for (int k = 1; k < factors.length; k++) {
            double[] basis = basis(k % x, k / x, width, height);
            for (int c = 0; c < 3; c++) {
                double value = quantised.decoded(k, c);
                for (int p = 0; p < basis.length; p++) {
                    detail[c][p] += value * basis[p];
                }
            }
        }
        int[] mean = new int[3];
        for (int c = 0; c < 3; c++) {
            double target = 0;
            int shift = 16 - 8 * c;
            for (int p = 0; p < width * height; p++) {
                target += rgb[p] >> shift & 0xFF;
            }
            mean[c] = meanFor(target / (width * height), detail[c]);
        }
        return format(x, y, quantised, mean[0] << 16 | mean[1] << 8 | mean[2]);
    }

    /**
     * The 8-bit sRGB mean colour component (0..255) for which the decoded channel, that value in linear light
     * plus {@code detail}, has the mean closest to {@code target}: the decoded mean grows with it.
     */
    private static int meanFor(double target, double[] detail) {
        int low = 0;
        int high = 255;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (decodedMean(middle, detail) < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low > 0 && Math.abs(decodedMean(low - 1, detail) - target) <= Math.abs(decodedMean(low, detail) - target)) {
            return low - 1;
        }
        return low;
    }

    private static double decodedMean(int value, double[] detail) {
        double base = TO_LINEAR[value];
        long sum = 0;
        for (double d : detail) {
            double linear = Math.max(0, Math.min(1, base + d));
            sum += TO_SRGB[(int) (linear * TO_SRGB_STEPS + 0.5)] & 0xFF;
        }
        return (double) sum / detail.length;
    }

    private static double[][] linear(int[] rgb, int pixels) {
        double[][] linear = new double[3][pixels];
        for (int p = 0; p < pixels; p++) {
            linear[0][p] = TO_LINEAR[rgb[p] >> 16 & 0xFF];
            linear[1][p] = TO_LINEAR[rgb[p] >> 8 & 0xFF];
            linear[2][p] = TO_LINEAR[rgb[p] & 0xFF];
        }
        return linear;
    }

    private static void check(int[] rgb, int width, int height, int x, int y) {
        if (x < 1 || x > 9 || y < 1 || y > 9) {
            throw new IllegalArgumentException("BlurHash takes 1 to 9 components per axis");
        }
        if (width < 1 || height < 1 || rgb.length < width * height) {
            throw new IllegalArgumentException("no pixels to encode");
        }
    }

    /**
     * The component factors of three channels: for component (i, j) the mean over the pixels of value ·
     * cos(π·i·px/width) · cos(π·j·py/height), doubled for all but the first.
     */
    private static double[][] project(double[][] channels, int width, int height, int x, int y) {
        double[][] factors = new double[x * y][3];
        for (int j = 0; j < y; j++) {
            for (int i = 0; i < x; i++) {
                double[] basis = basis(i, j, width, height);
                double scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (width * height);
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    double[] channel = channels[c];
                    for (int p = 0; p < basis.length; p++) {
                        sum += basis[p] * channel[p];
                    }
                    factors[j * x + i][c] = sum * scale;
                }
            }
        }
        return factors;
    }

    private static double[] basis(int i, int j, int width, int height) {
        double[] basis = new double[width * height];
        for (int py = 0; py < height; py++) {
            double cosY = Math.cos(Math.PI * j * py / height);
            for (int px = 0; px < width; px++) {
                basis[py * width + px] = Math.cos(Math.PI * i * px / width) * cosY;
            }
        }
        return basis;
    }

    /**
     * The other components as stored: each channel scaled by the largest magnitude among them (itself stored
     * in 83 steps), square-root compressed and rounded to 19 steps.
     */
    private record Quantised(int maximumIndex, double maximum, int[][] values) {

        /** A component's value as a decoder reads it back. */
        double decoded(int k, int c) {
            double v = (values[k][c] - 9) / 9.0;
            return Math.copySign(v * v, v) * maximum;
        }
    }

    private static Quantised quantise(double[][] factors) {
        int index = 0;
        double maximum = 1;
        if (factors.length > 1) {
            double largest = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double component : factors[k]) {
                    largest = Math.max(largest, Math.abs(component));
                }
            }
            index = (int) Math.max(0, Math.min(82, Math.floor(largest * 166 - 0.5)));
            maximum = (index + 1) / 166.0;
        }
        int[][] values = new int[factors.length][3];
        for (int k = 1; k < factors.length; k++) {
            for (int c = 0; c < 3; c++) {
                values[k][c] = quantiseAc(factors[k][c], maximum);
            }
        }
        return new Quantised(index, maximum, values);
    }

    private static String format(int x, int y, Quantised quantised, int meanRgb) {
        StringBuilder hash = new StringBuilder(4 + 2 * x * y);
        digits(hash, (x - 1) + (y - 1) * 9, 1);
        digits(hash, quantised.maximumIndex(), 1);
        digits(hash, meanRgb, 4);
        int[][] values = quantised.values();
        for (int k = 1; k < values.length; k++) {
            digits(hash, values[k][0] * 19 * 19 + values[k][1] * 19 + values[k][2], 2);
        }
        return hash.toString();
    }

    /** sRGB 0..255 of a linear value, rounded. */
    static int toSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        double encoded = v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return (int) (encoded * 255 + 0.5);
    }

    private static int quantiseAc(double value, double maximum) {
        double compressed = Math.copySign(Math.sqrt(Math.abs(value / maximum)), value);
        return (int) Math.max(0, Math.min(18, Math.floor(compressed * 9 + 9.5)));
    }

    private static void digits(StringBuilder out, int value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            int divisor = 1;
            for (int k = 0; k < i; k++) {
                divisor *= 83;
            }
            out.append(DIGITS.charAt(value / divisor % 83));
        }
    }
}
