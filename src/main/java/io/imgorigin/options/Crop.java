package io.imgorigin.options;

/**
 * The {@code crop} option: a region of the upright source, {@code X,Y,W,H}, as asked (it is clipped to the
 * image only once the image's size is known).
 */
public record Crop(int x, int y, int width, int height) {

    public Crop {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("a crop needs X,Y >= 0 and W,H >= 1");
        }
    }

    String canonical() {
        return x + "," + y + "," + width + "," + height;
    }
}
