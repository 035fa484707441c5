package io.imgorigin.processing.resize;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Images built in code for the transform tests. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * Something like a photograph: smooth light falloff, soft shapes with hard edges, fine texture
     * and some sensor noise.
     */
    static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(seed);
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double texture = 18 * Math.sin(x * 0.07 + Math.sin(y * 0.031) * 3) * Math.cos(y * 0.05);
                double noise = random.nextGaussian() * 4;
                int r = (int) (120 + 90 * u + texture + noise);
                int g = (int) (90 + 110 * v * (1 - u) + texture * 0.7 + noise);
                int b = (int) (160 - 80 * v + 40 * Math.sin(u * 9) + noise);
                pixels[y * width + x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int size = Math.max(4, random.nextInt(Math.max(5, width / 6)));
            g.fillOval(random.nextInt(width), random.nextInt(height), size, size * (1 + random.nextInt(3)) / 2);
        }
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont((float) Math.max(10, width / 40)));
        g.drawString("imgorigin 0123456789", width / 10, height / 3);
        g.dispose();
        return image;
    }

    public static BufferedImage filled(int width, int height, int type, int argb) {
        BufferedImage image = new BufferedImage(width, height, type);
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(pixels, argb);
        return image;
    }

    public static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Peak signal-to-noise ratio over the three colour channels. */
    static double psnr(BufferedImage a, BufferedImage b) {
        int[] pa = pixels(a);
        int[] pb = pixels(b);
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = (pa[i] >> shift & 0xFF) - (pb[i] >> shift & 0xFF);
                sum += d * d;
            }
        }
        double mse = sum / (pa.length * 3.0);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The image without its alpha channel, as an opaque TYPE_INT_RGB. */
    static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    /** Whether an executable of that name is on the PATH (tests that compare with a tool skip without it). */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
