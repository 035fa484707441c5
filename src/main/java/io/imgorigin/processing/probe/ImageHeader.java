package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.SourceFormat;

/**
 * What a source's header says, read without decoding any pixel.
 *
 * @param width         stored width of the image that is served (the canvas of an animation)
 * @param height        stored height, before orientation
 * @param canvasPixels  the largest pixel area the header asks a decoder to allocate (canvas or first frame)
 * @param frames        number of frames or pages, or -1 when the header does not tell
 * @param orientation   EXIF/TIFF orientation 1..8 (1 when absent or invalid)
 * @param iccProfile    the embedded ICC profile, or null
 * @param declaresAlpha whether the header announces transparency
 */
public record ImageHeader(
        SourceFormat format,
        int width,
        int height,
        long canvasPixels,
        int frames,
        int orientation,
        byte[] iccProfile,
        boolean declaresAlpha) {

    /** Width once the orientation is applied. */
    public int uprightWidth() {
        return orientation >= 5 ? height : width;
    }

    /** Height once the orientation is applied. */
    public int uprightHeight() {
        return orientation >= 5 ? width : height;
    }
}
