package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;

import io.imgorigin.processing.pipeline.OutputFormat;

/** Writes an 8-bit sRGB image in one output format, without any metadata. */
public interface ImageEncoder {

    OutputFormat format();

    /** @param quality 1..100; formats without a lossy mode ignore it */
    byte[] encode(BufferedImage image, int quality);

    /** The quality this format uses when the request gives none, or 0 for {@code imgorigin.format.default-quality}. */
    default int defaultQuality() {
        return 0;
    }
}
