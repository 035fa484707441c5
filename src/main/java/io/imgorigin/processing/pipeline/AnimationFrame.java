package io.imgorigin.processing.pipeline;

import java.awt.image.BufferedImage;

/**
 * One frame of an animation as a viewer shows it: the whole canvas, composited (earlier frames, disposal and
 * transparency applied), 8-bit sRGB TYPE_INT_ARGB with straight alpha.
 *
 * @param image       the canvas as shown while this frame is displayed
 * @param delayMillis how long it is shown, as the source states it (no minimum applied)
 */
public record AnimationFrame(BufferedImage image, int delayMillis) {

    public AnimationFrame {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("a frame delay cannot be negative: " + delayMillis);
        }
    }
}
