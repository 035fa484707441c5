package io.imgorigin.processing.pipeline;

import io.imgorigin.options.ImageOptions;

/**
 * What to make of one original.
 *
 * @param autoFormat what {@code f=auto} chose for this client from its Accept header, or null for PNG or JPEG
 *                   by alpha; only read for {@code f=auto}
 * @param watermark  the decoded watermark when the options ask for one ({@code wm}), else null
 */
public record ProcessingRequest(ImageOptions options, OutputFormat autoFormat, Deadline deadline, Watermark watermark) {

    public ProcessingRequest(ImageOptions options, OutputFormat autoFormat, Deadline deadline) {
        this(options, autoFormat, deadline, null);
    }

    /** For a client that accepts WebP or none of the formats auto may choose. */
    public ProcessingRequest(ImageOptions options, boolean acceptsWebp, Deadline deadline) {
        this(options, acceptsWebp ? OutputFormat.WEBP : null, deadline, null);
    }
}
