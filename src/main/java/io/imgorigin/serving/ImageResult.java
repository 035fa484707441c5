package io.imgorigin.serving;

import io.imgorigin.processing.pipeline.ImageInfo;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.source.SourceMetadata;

/** What a request gets: the image (or, for {@code info=true}, its description), or word that the client's copy is still current. */
public sealed interface ImageResult {

    String etag();

    SourceMetadata source();

    record Rendered(ProcessedImage image, String etag, SourceMetadata source) implements ImageResult {
    }

    record Described(ImageInfo info, String etag, SourceMetadata source) implements ImageResult {
    }

    record NotModified(String etag, SourceMetadata source) implements ImageResult {
    }
}
