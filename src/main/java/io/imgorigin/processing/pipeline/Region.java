package io.imgorigin.processing.pipeline;

/** A rectangle of an image, in its pixels. */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("a region needs x,y >= 0 and a size of at least 1×1");
        }
    }
}
