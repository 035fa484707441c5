package io.imgorigin.processing.pipeline;

/** An encoding imgorigin writes. */
public enum OutputFormat {
    JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp"), AVIF("image/avif"), GIF("image/gif");

    private final String mediaType;

    OutputFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
