package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;

import io.imgorigin.options.FocalPoint;
import io.imgorigin.options.Gravity;

/**
 * Where a {@code cover} crop sits in the scaled image: at the gravity's anchor, centred on the focal point
 * of {@code g=fp:X,Y} as far as the image allows, or where the detail is.
 */
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
        return place(image, scaledWidth, scaledHeight, width, height, gravity, null);
    }

    /** As above; {@code focalPoint} is the point of {@link Gravity#FOCAL_POINT}, null for the others. */
    public CropWindow place(BufferedImage image, int scaledWidth, int scaledHeight, int width, int height,
                            Gravity gravity, FocalPoint focalPoint) {
        if (gravity == Gravity.FOCAL_POINT) {
            return centredOn(scaledWidth, scaledHeight, width, height, focalPoint);
        }
        if (gravity == Gravity.SMART) {
            return finder.find(image, scaledWidth, scaledHeight, width, height);
        }
        return anchored(scaledWidth, scaledHeight, width, height, gravity);
    }

    /**
     * The window centred on the focal point (a spare half pixel goes after it, as with the anchors), moved
     * inside the scaled image where the point is too near an edge.
     */
    static CropWindow centredOn(int scaledWidth, int scaledHeight, int width, int height, FocalPoint point) {
        return new CropWindow(clampedStart(scaledWidth, width, point.x().doubleValue()),
                clampedStart(scaledHeight, height, point.y().doubleValue()), width, height);
    }

    private static int clampedStart(int scaled, int window, double fraction) {
        long start = (long) Math.floor(fraction * scaled - window / 2.0);
        return (int) Math.max(0, Math.min(scaled - window, start));
    }

    /** Spare pixels go after the window when they cannot be split evenly, as with padding. */
    static CropWindow anchored(int scaledWidth, int scaledHeight, int width, int height, Gravity gravity) {
        int x = (int) Math.floor((scaledWidth - width) * gravity.x());
        int y = (int) Math.floor((scaledHeight - height) * gravity.y());
        return new CropWindow(x, y, width, height);
    }
}
