package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;

import io.imgorigin.options.Gravity;

/** Where a {@code cover} crop sits in the scaled image: at the gravity's anchor, or where the detail is. */
public class CropPlacer {

    private final DetailFinder finder;

    public CropPlacer(DetailFinder finder) {
        this.finder = finder;
    }

    /**
     * The {@code width}×{@code height} window of {@code image} scaled to {@code scaledWidth}×{@code scaledHeight}.
     * The image may have any size; it is only looked at for {@link Gravity#SMART}.
     */
    public CropWindow place(BufferedImage image, int scaledWidth, int scaledHeight, int width, int height,
                            Gravity gravity) {
        if (gravity == Gravity.SMART) {
            return finder.find(image, scaledWidth, scaledHeight, width, height);
        }
        return anchored(scaledWidth, scaledHeight, width, height, gravity);
    }

    /** Spare pixels go after the window when they cannot be split evenly, as with padding. */
    static CropWindow anchored(int scaledWidth, int scaledHeight, int width, int height, Gravity gravity) {
        int x = (int) Math.floor((scaledWidth - width) * gravity.x());
        int y = (int) Math.floor((scaledHeight - height) * gravity.y());
        return new CropWindow(x, y, width, height);
    }
}
