package io.imgorigin.processing.pipeline;

/** The encoded result of a request. */
public record ProcessedImage(byte[] bytes, OutputFormat format, int width, int height) {
}
