package io.imgorigin.processing.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import io.imgorigin.codec.libwebp.AnimDecoder;
import io.imgorigin.codec.libwebp.WebpDemuxLibrary;
import io.imgorigin.codec.libwebp.WebpException;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Every frame of an animated (or still) WebP through libwebp's WebPAnimDecoder, which composites each
 * onto the canvas itself; a frame's delay is the difference of its end time and the previous one's. The
 * loop count is the ANIM chunk's, which already counts plays (0 for ever). Only libwebp's canvas and the
 * frame handed out are held. Anything libwebp refuses is an {@link UnusableImageException}.
 */
public final class WebpFrameReader implements FrameReader {

    private final AnimDecoder decoder;
    private int previousEnd;
    private boolean closed;

    public WebpFrameReader(byte[] source) {
        this(source, GifFrameReader.DEFAULT_MAX_CANVAS_PIXELS);
    }

    /** @param maxCanvasPixels the largest canvas accepted, width times height */
    public WebpFrameReader(byte[] source, long maxCanvasPixels) {
        if (!available()) {
            throw new IllegalStateException("animated WebP needs libwebpdemux: " + status());
        }
        try {
            decoder = AnimDecoder.open(source, maxCanvasPixels);
        } catch (WebpException e) {
            throw new UnusableImageException(e.getMessage(), e);
        }
    }

    /** Whether libwebpdemux is loaded, so that this reader can be made. */
    public static boolean available() {
        return AnimDecoder.available();
    }

    /** Where libwebpdemux was loaded from, or why it was not. */
    public static String status() {
        return WebpDemuxLibrary.status();
    }

    @Override
    public int canvasWidth() {
        return decoder.width();
    }

    @Override
    public int canvasHeight() {
        return decoder.height();
    }

    @Override
    public int frameCount() {
        return decoder.frameCount();
    }

    @Override
    public int loopCount() {
        return decoder.loopCount();
    }

    @Override
    public AnimationFrame next() {
        if (closed) {
            throw new IllegalStateException("the frame reader is closed");
        }
        BufferedImage image = new BufferedImage(decoder.width(), decoder.height(), BufferedImage.TYPE_INT_ARGB);
        int end;
        try {
            end = decoder.next(((DataBufferInt) image.getRaster().getDataBuffer()).getData());
        } catch (WebpException e) {
            throw new UnusableImageException(e.getMessage(), e);
        }
        if (end < 0) {
            return null;
        }
        int delay = Math.max(0, end - previousEnd);
        previousEnd = end;
        return new AnimationFrame(image, delay);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            decoder.close();
        }
    }
}
