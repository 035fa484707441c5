package io.imgorigin.processing.pipeline;

import io.imgorigin.options.ImageOptions;

/**
 * What to make of one original.
 *
 * @param acceptsWebp whether the client's Accept header allows image/webp; only read for {@code f=auto}
 * @param watermark   the decoded watermark when the options ask for one ({@code wm}), else null
 */
public record ProcessingRequest(ImageOptions options, boolean acceptsWebp, Deadline deadline, Watermark watermark) {

    public ProcessingRequest(ImageOptions options, boolean acceptsWebp, Deadline deadline) {
        this(options, acceptsWebp, deadline, null);
    }
}
