package io.imgorigin.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/** Images made in code for tests, and helpers to look at what the service sent back. */
public final class TestImages {

    private TestImages() {
    }

    /** Four coloured quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
    public static BufferedImage quadrants(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int hw = width / 2;
        int hh = height / 2;
        g.setColor(Color.RED);
        g.fillRect(0, 0, hw, hh);
        g.setColor(Color.GREEN);
        g.fillRect(hw, 0, width - hw, hh);
        g.setColor(Color.BLUE);
        g.fillRect(0, hh, hw, height - hh);
        g.setColor(alpha ? new Color(255, 255, 0, 0) : Color.YELLOW);
        g.fillRect(hw, hh, width - hw, height - hh);
        g.dispose();
        return image;
    }

    /**
     * Random pixels from a fixed seed: an image that compresses hardly at all, for tests that need an
     * original of a given size on the wire (a {@code w}×{@code h} PNG of it is about 3·w·h bytes).
     */
    public static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage toWrite = image;
            if (format.equals("jpeg") && image.getColorModel().hasAlpha()) {
                toWrite = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = toWrite.createGraphics();
                g.drawImage(image, 0, 0, null);
                g.dispose();
            }
            if (!ImageIO.write(toWrite, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(int width, int height) {
        return encode(quadrants(width, height, false), "jpeg");
    }

    public static byte[] png(int width, int height, boolean alpha) {
        return encode(quadrants(width, height, alpha), "png");
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format named by the first bytes: "jpeg", "png", "webp", "avif", or "unknown". */
    public static String magic(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "png";
        }
        if (bytes.length > 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "webp";
        }
        if (bytes.length > 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p'
                && bytes[8] == 'a' && bytes[9] == 'v' && bytes[10] == 'i' && bytes[11] == 'f') {
            return "avif";
        }
        if (bytes.length > 6 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == '8'
                && (bytes[4] == '7' || bytes[4] == '9') && bytes[5] == 'a') {
            return "gif";
        }
        return "unknown";
    }

    /** Mean colour of a rectangle as {r, g, b}. */
    public static int[] meanRgb(BufferedImage image, int x0, int y0, int width, int height) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                int rgb = image.getRGB(x, y);
                r += rgb >> 16 & 0xff;
                g += rgb >> 8 & 0xff;
                b += rgb & 0xff;
            }
        }
        long n = (long) width * height;
        return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
    }
}
