package io.imgorigin.processing.animate;

import java.awt.image.BufferedImage;

import io.imgorigin.options.FocalPoint;
import io.imgorigin.options.Gravity;
import io.imgorigin.processing.resize.CropPlacer;
import io.imgorigin.processing.resize.CropWindow;
import io.imgorigin.processing.resize.DetailFinder;

/**
 * For one animation: {@code g=smart} looks at the first frame only and every later frame is cut at the same
 * window, so the crop does not jump from frame to frame.
 */
final class FirstFrameCropPlacer extends CropPlacer {

    private CropWindow first;

    FirstFrameCropPlacer(DetailFinder finder) {
        super(finder);
    }

    @Override
    public CropWindow place(BufferedImage image, int scaledWidth, int scaledHeight, int width, int height,
            Gravity gravity, FocalPoint focalPoint) {
        if (gravity != Gravity.SMART) {
            return super.place(image, scaledWidth, scaledHeight, width, height, gravity, focalPoint);
        }
        if (first == null) {
            first = super.place(image, scaledWidth, scaledHeight, width, height, gravity, focalPoint);
        }
        return first;
    }
}
