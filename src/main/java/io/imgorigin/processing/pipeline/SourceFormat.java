package io.imgorigin.processing.pipeline;

/** A container format imgorigin can read, recognised by its magic bytes. */
public enum SourceFormat {
    JPEG, PNG, WEBP, GIF, BMP, TIFF, PSD, AVIF, HEIC, JXL, ICO, SVG;

    /** The output format a request without {@code f} keeps, or null when the source's own is not writable. */
    public OutputFormat sameOutput() {
        return switch (this) {
            case JPEG -> OutputFormat.JPEG;
            case PNG -> OutputFormat.PNG;
            case WEBP -> OutputFormat.WEBP;
            case AVIF -> OutputFormat.AVIF;
            case GIF -> OutputFormat.GIF;
            default -> null;
        };
    }
}
