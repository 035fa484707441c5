package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;

import io.imgorigin.codec.libwebp.AnimEncoder;
import io.imgorigin.codec.libwebp.WebpMuxLibrary;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameWriter;

/**
 * Animated WebP through libwebp ({@link AnimEncoder}): every frame kept as a whole canvas, lossy at the
 * given quality, alpha kept, with its own delay (at most the ANMF chunk's 16777215 ms). The loop count is
 * written as it is (0 for ever, else plays), clamped to the ANIM chunk's 65535. Each frame is encoded as
 * it comes; only the compressed frames are held until {@link #finish()}.
 */
public final class WebpFrameWriter implements FrameWriter {

    private final int width;
    private final int height;
    private final AnimEncoder encoder;
    private int frames;
    private boolean finished;

    /**
     * @param loopCount how many times the animation plays, 0 for ever
     * @param quality   1..100
     */
    public WebpFrameWriter(int width, int height, int loopCount, int quality) {
        if (!available()) {
            throw new IllegalStateException("animated WebP output needs libwebpmux: " + status());
        }
        if (loopCount < 0) {
            throw new IllegalArgumentException("a loop count cannot be negative: " + loopCount);
        }
        this.width = width;
        this.height = height;
        this.encoder = new AnimEncoder(width, height, Math.min(loopCount, AnimEncoder.MAX_LOOP_COUNT), quality);
    }

    /** Whether libwebpmux is loaded, so that this writer can be made. */
    public static boolean available() {
        return AnimEncoder.available();
    }

    /** Where libwebpmux was loaded from, or why it was not. */
    public static String status() {
        return WebpMuxLibrary.status();
    }

    @Override
    public void add(AnimationFrame frame) {
        if (finished) {
            throw new IllegalStateException("the WebP is finished");
        }
        BufferedImage image = frame.image();
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame " + image.getWidth() + "x" + image.getHeight()
                    + " on a " + width + "x" + height + " canvas");
        }
        encoder.add(image.getRGB(0, 0, width, height, null, 0, width),
                Math.min(frame.delayMillis(), AnimEncoder.MAX_DURATION));
        frames++;
    }

    @Override
    public byte[] finish() {
        if (finished) {
            throw new IllegalStateException("the WebP is finished");
        }
        if (frames == 0) {
            throw new IllegalStateException("a WebP needs at least one frame");
        }
        finished = true;
        try {
            return encoder.assemble();
        } finally {
            encoder.close();
        }
    }

    @Override
    public void close() {
        finished = true;
        encoder.close();
    }
}
