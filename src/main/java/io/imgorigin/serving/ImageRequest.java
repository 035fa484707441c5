package io.imgorigin.serving;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.processing.pipeline.OutputFormat;

/** One validated request for an image. */
/** @param autoFormat what {@code f=auto} chose for this client, or null for PNG or JPEG by alpha */
public record ImageRequest(String key, ImageOptions options, OutputFormat autoFormat, Preconditions preconditions) {

    public ImageRequest(String key, ImageOptions options, boolean acceptsWebp, Preconditions preconditions) {
        this(key, options, acceptsWebp ? OutputFormat.WEBP : null, preconditions);
    }
}
