package io.imgorigin.processing.pipeline;

import io.imgorigin.options.ImageOptions;

/**
 * What to make of one original.
 *
 * @param autoFormat         what {@code f=auto} chose for this client from its Accept header, or null for PNG
 *                           or JPEG by alpha; only read for {@code f=auto}
 * @param watermark          the decoded watermark when the options ask for one ({@code wm}), else null
 * @param animatedAutoFormat what {@code f=auto} chose for an animated result (WebP), or null for GIF
 */
public record ProcessingRequest(ImageOptions options, OutputFormat autoFormat, Deadline deadline, Watermark watermark,
        OutputFormat animatedAutoFormat) {

    public ProcessingRequest(ImageOptions options, OutputFormat autoFormat, Deadline deadline, Watermark watermark) {
        this(options, autoFormat, deadline, watermark, animatedAuto(autoFormat));
    }

    public ProcessingRequest(ImageOptions options, OutputFormat autoFormat, Deadline deadline) {
        this(options, autoFormat, deadline, null);
    }

    /** Where only the still choice is known: a client taking AVIF or WebP is taken to take animated WebP. */
    public static OutputFormat animatedAuto(OutputFormat autoFormat) {
        return autoFormat == OutputFormat.WEBP || autoFormat == OutputFormat.AVIF ? OutputFormat.WEBP : null;
    }

    /** For a client that accepts WebP or none of the formats auto may choose. */
    public ProcessingRequest(ImageOptions options, boolean acceptsWebp, Deadline deadline) {
        this(options, acceptsWebp ? OutputFormat.WEBP : null, deadline, null);
    }
}
