package io.imgorigin.processing.pipeline;

import io.imgorigin.options.ImageOptions;

/**
 * What to make of one original.
 *
 * @param acceptsWebp whether the client's Accept header allows image/webp; only read for {@code f=auto}
 */
public record ProcessingRequest(ImageOptions options, boolean acceptsWebp, Deadline deadline) {
}
