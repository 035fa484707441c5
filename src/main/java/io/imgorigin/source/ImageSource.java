package io.imgorigin.source;

/**
 * Where originals live. Keys are already validated (see {@code ObjectKey}): relative, no dot
 * segments, no control characters.
 *
 * <p>Failures are reported with the exceptions of this package: {@link SourceNotFoundException} (404),
 * {@link SourceTooLargeException} (422), {@link SourceTimeoutException} (504: no whole answer within
 * {@code imgorigin.source.timeout}, body included) and {@link SourceStoreException} (502: an error, or a
 * body that is not the object's, such as one that ends early; never handed on as image bytes).
 */
public interface ImageSource {

    /** Metadata only, without transferring the body: what conditional requests are answered from. */
    SourceMetadata stat(String key);

    /**
     * The whole object. Reading stops at {@code maxBytes}: a larger body is refused with
     * {@link SourceTooLargeException} whatever its declared length says.
     */
    SourceObject fetch(String key, long maxBytes);
}
