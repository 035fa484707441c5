package io.imgorigin.serving;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.processing.pipeline.OutputFormat;

/**
 * One validated request for an image.
 *
 * @param autoFormat         what {@code f=auto} chose for this client, or null for PNG or JPEG by alpha
 * @param animatedAutoFormat what {@code f=auto} chose for an animated result, or null for GIF
 */
public record ImageRequest(String key, ImageOptions options, OutputFormat autoFormat, Preconditions preconditions,
        OutputFormat animatedAutoFormat) {

    public ImageRequest(String key, ImageOptions options, OutputFormat autoFormat, Preconditions preconditions) {
        this(key, options, autoFormat, preconditions,
                io.imgorigin.processing.pipeline.ProcessingRequest.animatedAuto(autoFormat));
    }

    public ImageRequest(String key, ImageOptions options, boolean acceptsWebp, Preconditions preconditions) {
        this(key, options, acceptsWebp ? OutputFormat.WEBP : null, preconditions);
    }
}
