package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Resizes small generated images many times, so that the JIT has compiled the resizing loops before the
 * first request: until it has, the vector API runs as plain Java that allocates an object for every
 * operation, which makes a fresh replica's first large request slow and grows its heap for good. The
 * images cover the paths requests take: 2×2 block averaging then Lanczos3, opaque and with alpha.
 */
public final class ResizeWarmUp {

    private final Resizer resizer;

    public ResizeWarmUp(Resizer resizer) {
        this.resizer = resizer;
    }

    /** Runs {@code rounds} resizes of each kind. */
    public void run(int rounds) {
        BufferedImage opaque = noise(330, 250, BufferedImage.TYPE_INT_RGB);
        BufferedImage alpha = noise(170, 130, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < rounds; i++) {
            // A different size each round, so that no length the loops meet is a constant.
            resizer.resize(opaque, 97 + i % 5, 73 + i % 3);
            resizer.resize(alpha, 61 + i % 5, 45 + i % 3);
        }
    }

    private static BufferedImage noise(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(width);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt();
        }
        return image;
    }
}
