package io.imgorigin.processing.pipeline;

/**
 * Tells what a source is ({@code info=true}): its header, probed without decoding, and the colours of a
 * small decode. The same limits apply as to an image request: 415 for what is no image format imgorigin
 * reads, 422 for a corrupt source or one over a limit.
 */
public interface ImageInspector {

    ImageInfo inspect(byte[] source, Deadline deadline);
}
