package io.imgorigin.processing.pipeline;

import java.awt.image.BufferedImage;

/**
 * The configured watermark, decoded once: upright 8-bit sRGB with alpha (TYPE_INT_ARGB), shared read-only by
 * every request that draws it, with the store's ETag of the bytes it was decoded from.
 */
public record Watermark(BufferedImage image, String etag) {

    public Watermark {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("a watermark is held as TYPE_INT_ARGB");
        }
    }
}
