package io.imgorigin.processing.encode;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Images for the encoder tests: known mean colours, a gradient to give the codecs something to do. */
final class Samples {

    private Samples() {
    }

    /** Left half (200, 40, 40), right half (40, 40, 200), with a soft vertical gradient on green. */
    static BufferedImage opaque(int type) {
        BufferedImage image = new BufferedImage(320, 200, type);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) {
                int green = 20 + y / 5;
                image.setRGB(x, y, x < 160 ? 0xFF000000 | 200 << 16 | green << 8 | 40 : 0xFF000000 | 40 << 16 | green << 8 | 200);
            }
        }
        return image;
    }

    /** Transparent except for an opaque red square in the middle. */
    static BufferedImage withAlpha() {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 30, 30));
        g.fillRect(50, 50, 100, 100);
        g.dispose();
        return image;
    }
}
