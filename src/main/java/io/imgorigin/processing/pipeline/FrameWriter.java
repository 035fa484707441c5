package io.imgorigin.processing.pipeline;

/** Encodes an animation frame by frame; every frame handed in has the same size. */
public interface FrameWriter extends AutoCloseable {

    void add(AnimationFrame frame);

    /** The encoded file; no frame may be added afterwards. */
    byte[] finish();

    @Override
    void close();
}
