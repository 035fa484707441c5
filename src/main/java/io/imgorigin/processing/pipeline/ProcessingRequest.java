package io.imgorigin.processing.pipeline;

import io.imgorigin.options.ImageOptions;

/**
 * What to make of one original.
 *
 * @param autoFormat what {@code f=auto} chose for this client from its Accept header, or null for PNG or JPEG
 *                   by alpha; only read for {@code f=auto}
 */
public record ProcessingRequest(ImageOptions options, OutputFormat autoFormat, Deadline deadline) {

    /** For a client that accepts WebP or none of the formats auto may choose. */
    public ProcessingRequest(ImageOptions options, boolean acceptsWebp, Deadline deadline) {
        this(options, acceptsWebp ? OutputFormat.WEBP : null, deadline);
    }
}
