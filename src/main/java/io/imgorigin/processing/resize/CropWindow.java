package io.imgorigin.processing.resize;

/** A rectangle of the scaled image, in its pixels: the part a {@code cover} crop keeps. */
public record CropWindow(int x, int y, int width, int height) {

    public static CropWindow whole(int width, int height) {
        return new CropWindow(0, 0, width, height);
    }
}
