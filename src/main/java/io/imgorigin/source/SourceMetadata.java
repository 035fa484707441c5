package io.imgorigin.source;

import java.time.Instant;

/**
 * What the store says about an original.
 *
 * @param etag         the store's entity tag for these exact bytes, quotes removed
 * @param lastModified when the object was last written, to the second
 * @param contentType  the stored content type, or null (never trusted for decoding)
 */
public record SourceMetadata(String etag, Instant lastModified, String contentType) {
}
