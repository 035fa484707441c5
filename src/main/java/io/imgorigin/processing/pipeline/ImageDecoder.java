package io.imgorigin.processing.pipeline;

import java.awt.image.BufferedImage;

/**
 * Decodes a whole image as the pipeline's front sees it: first frame, upright, 8-bit sRGB, TYPE_INT_ARGB
 * (opaque where the source has no alpha). Used for images the service keeps, such as the watermark.
 */
public interface ImageDecoder {

    /**
     * @throws UnsupportedImageException when the bytes are no image format imgorigin reads
     * @throws UnusableImageException    when the image is corrupt or over the decoder's limits
     */
    BufferedImage decode(byte[] source, Deadline deadline);
}
