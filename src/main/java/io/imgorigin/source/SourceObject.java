package io.imgorigin.source;

/** An original's bytes with the metadata that came with them. */
public record SourceObject(SourceMetadata metadata, byte[] bytes) {
}
