package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;

import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameWriter;
import io.imgorigin.processing.pipeline.OutputFormat;

/** A still GIF: the animated GIF writer with one frame, so stills and animations share one quantiser. */
public final class GifEncoder implements ImageEncoder {

    private final AnimationCodecs codecs;

    public GifEncoder(AnimationCodecs codecs) {
        this.codecs = codecs;
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.GIF;
    }

    @Override
    public byte[] encode(BufferedImage image, int quality) {
        try (FrameWriter writer = codecs.writer(OutputFormat.GIF, image.getWidth(), image.getHeight(), 0, quality)) {
            writer.add(new AnimationFrame(argb(image), 0));
            return writer.finish();
        }
    }

    private static BufferedImage argb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            converted.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return converted;
    }
}
