package io.imgorigin.serving;

import io.imgorigin.options.ImageOptions;

/** One validated request for an image. */
public record ImageRequest(String key, ImageOptions options, boolean acceptsWebp, Preconditions preconditions) {
}
