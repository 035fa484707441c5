package io.imgorigin.processing.pipeline;

/**
 * Turns the bytes of an original into the image a request asks for.
 *
 * <p>Throws {@link UnsupportedImageException} (415) for bytes that are no image format imgorigin
 * reads, {@link UnusableImageException} (422) for an image that is corrupt, truncated or over a
 * limit, and {@link ProcessingTimeoutException} when the deadline passes between steps.
 */
public interface ImageProcessor {

    ProcessedImage process(byte[] source, ProcessingRequest request);
}
