package io.imgorigin.processing.pipeline;

/**
 * The frames of an animated source, decoded one at a time so that memory stays proportional to the canvas,
 * not to the number of frames.
 */
public interface FrameReader extends AutoCloseable {

    int canvasWidth();

    int canvasHeight();

    /** Frames the file declares. */
    int frameCount();

    /** How many times the animation plays: 0 for ever. */
    int loopCount();

    /**
     * The next frame, or null after the last one.
     *
     * @throws UnusableImageException when the data is corrupt or truncated
     */
    AnimationFrame next();

    @Override
    void close();
}
