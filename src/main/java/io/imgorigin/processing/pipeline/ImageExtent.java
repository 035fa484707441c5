package io.imgorigin.processing.pipeline;

import java.awt.image.BufferedImage;

/**
 * How many pixels of the working image the whole source spans, per side. It equals the image's own size
 * except after a shrink-on-load decode: a JPEG of 2725 pixels decoded at 1/2 is 1363 pixels wide but spans
 * 1362.5 of them, the last one covering half a source pixel pair. Scaling by the extent rather than the
 * pixel count keeps every output pixel centred where a full-size decode would put it; the difference is a
 * drift of up to half a pixel across the image, enough to blur every edge of a thumbnail.
 */
public record ImageExtent(double width, double height) {

    public static ImageExtent of(BufferedImage image) {
        return new ImageExtent(image.getWidth(), image.getHeight());
    }

    public ImageExtent transposed() {
        return new ImageExtent(height, width);
    }
}
