package io.imgorigin.processing.pipeline;

/**
 * What {@code info=true} answers about a source (SPEC section 3.1).
 *
 * @param format        the source's container format
 * @param width         width once the orientation is applied
 * @param height        height once the orientation is applied
 * @param orientation   EXIF/TIFF orientation 1..8
 * @param alpha         whether the header declares transparency
 * @param frames        frames of an animation or pages of a document; 1 for a still image
 * @param bytes         the size of the source in bytes
 * @param dominantColor the most common colour, 0xRRGGBB, or -1 before it is computed
 * @param blurhash      a BlurHash of 4×3 components, or null before it is computed
 */
public record ImageInfo(SourceFormat format, int width, int height, int orientation, boolean alpha, int frames,
        long bytes, int dominantColor, String blurhash) {

    public ImageInfo withColours(int dominant, String hash) {
        return new ImageInfo(format, width, height, orientation, alpha, frames, bytes, dominant, hash);
    }
}
