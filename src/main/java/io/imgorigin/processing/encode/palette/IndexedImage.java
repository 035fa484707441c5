package io.imgorigin.processing.encode.palette;

/**
 * An image as palette indices, row by row.
 *
 * @param hasTransparency whether any pixel is the palette's transparent entry
 */
public record IndexedImage(int width, int height, byte[] indices, Palette palette, boolean hasTransparency) {
}
