package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Reads the source's header, refuses sources over the pixel, frame or animation limits before anything is
 * decoded, and plans the resize from the upright size. An animation's pixels are its frames times its
 * canvas (SPEC section 2.2), whether or not the request keeps the frames.
 */
public final class ProbeStep implements ProcessingStep {

    private final HeaderReader reader;
    private final Geometry geometry;
    private final long maxSourcePixels;
    private final int maxFrames;
    private final long maxAnimationPixels;

    public ProbeStep(HeaderReader reader, Geometry geometry, long maxSourcePixels, int maxFrames,
            long maxAnimationPixels) {
        this.reader = reader;
        this.geometry = geometry;
        this.maxSourcePixels = maxSourcePixels;
        this.maxFrames = maxFrames;
        this.maxAnimationPixels = maxAnimationPixels;
    }

    public ProbeStep(HeaderReader reader, Geometry geometry, long maxSourcePixels, int maxFrames) {
        this(reader, geometry, maxSourcePixels, maxFrames, Long.MAX_VALUE);
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public void apply(ProcessingContext context) {
        ImageHeader header = reader.read(context.source());
        long pixels = (long) header.width() * header.height();
        if (pixels > maxSourcePixels || header.canvasPixels() > maxSourcePixels) {
            throw new UnusableImageException("the image declares " + Math.max(pixels, header.canvasPixels())
                    + " pixels (" + header.width() + "×" + header.height() + "), more than max-source-pixels ("
                    + maxSourcePixels + ")");
        }
        if (header.frames() > maxFrames) {
            throw new UnusableImageException("the image declares " + header.frames()
                    + " frames, more than max-frames (" + maxFrames + ")");
        }
        if (header.frames() > 1 && pixels > maxAnimationPixels / header.frames()) {
            throw new UnusableImageException("the animation declares " + header.frames() + " frames of "
                    + header.width() + "×" + header.height() + ", more than max-animation-pixels ("
                    + maxAnimationPixels + ") over all frames");
        }
        context.sourceFormat(header.format());
        context.storedSize(header.width(), header.height());
        context.orientation(header.orientation());
        context.frames(header.frames());
        context.hasAlpha(header.declaresAlpha());
        context.iccProfile(header.iccProfile());
        context.plan(geometry.plan(header.uprightWidth(), header.uprightHeight(), context.request().options()));
    }
}
