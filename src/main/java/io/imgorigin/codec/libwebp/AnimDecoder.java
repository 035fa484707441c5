package io.imgorigin.codec.libwebp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * libwebp's WebPAnimDecoder over a copy of the file in memory this object owns (the decoder reads it for
 * its whole life). Each frame comes out as the whole canvas, composited by libwebp (blending and
 * disposal as the container specifies), BGRA bytes with straight alpha, which is a little-endian int
 * 0xAARRGGBB. Still WebPs decode as one frame. Not for concurrent use; {@link #close()} frees everything.
 */
public final class AnimDecoder implements AutoCloseable {

    /** WebP's largest side (VP8X stores 24 bits, but the format caps it at 16383). */
    public static final int MAX_SIDE = 16383;

    private static final ValueLayout.OfInt PIXEL = JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final DemuxFunctions functions;
    private final Arena arena;
    private final MemorySegment decoder;
    private final MemorySegment bufferOut;
    private final MemorySegment timestampOut;
    private final int width;
    private final int height;
    private final int frameCount;
    private final int loopCount;
    private boolean closed;

    private AnimDecoder(DemuxFunctions functions, Arena arena, MemorySegment decoder, MemorySegment info) {
        this.functions = functions;
        this.arena = arena;
        this.decoder = decoder;
        this.width = info.get(JAVA_INT, WebpStructs.offset(WebpStructs.ANIM_INFO, "canvas_width"));
        this.height = info.get(JAVA_INT, WebpStructs.offset(WebpStructs.ANIM_INFO, "canvas_height"));
        this.frameCount = info.get(JAVA_INT, WebpStructs.offset(WebpStructs.ANIM_INFO, "frame_count"));
        this.loopCount = info.get(JAVA_INT, WebpStructs.offset(WebpStructs.ANIM_INFO, "loop_count"));
        this.bufferOut = arena.allocate(ADDRESS);
        this.timestampOut = arena.allocate(JAVA_INT);
    }

    /** Whether libwebpdemux is loaded. */
    public static boolean available() {
        return WebpDemuxLibrary.loaded();
    }

    /**
     * Parses the file's headers and frame index (no frame is decoded yet).
     *
     * @param maxCanvasPixels a canvas with more pixels is refused before libwebp allocates it
     * @throws WebpException when the data is not a complete WebP, or the canvas is over the limit
     */
    public static AnimDecoder open(byte[] webp, long maxCanvasPixels) {
        DemuxFunctions functions = WebpDemuxLibrary.instance().require();
        long size = riffSize(webp);
        Arena arena = Arena.ofShared();
        MemorySegment decoder = MemorySegment.NULL;
        try {
            MemorySegment bytes = arena.allocate(size, 8);
            MemorySegment.copy(webp, 0, bytes, JAVA_BYTE, 0, (int) size);
            MemorySegment data = arena.allocate(WebpStructs.DATA);
            data.set(ADDRESS, WebpStructs.offset(WebpStructs.DATA, "bytes"), bytes);
            data.set(JAVA_LONG, WebpStructs.offset(WebpStructs.DATA, "size"), size);
            MemorySegment options = arena.allocate(WebpStructs.DECODER_OPTIONS);
            if (!functions.optionsInit(options)) {
                throw new WebpException("WebPAnimDecoderOptionsInit: libwebpdemux's ABI differs from 1.2.4's");
            }
            options.set(JAVA_INT, WebpStructs.offset(WebpStructs.DECODER_OPTIONS, "color_mode"), WebpStructs.MODE_BGRA);
            options.set(JAVA_INT, WebpStructs.offset(WebpStructs.DECODER_OPTIONS, "use_threads"), 0);
            decoder = functions.decoderNew(data, options);
            if (decoder.equals(MemorySegment.NULL)) {
                throw new WebpException("WebP cannot be parsed (corrupt or truncated)");
            }
            MemorySegment info = arena.allocate(WebpStructs.ANIM_INFO);
            if (!functions.getInfo(decoder, info)) {
                throw new WebpException("WebPAnimDecoderGetInfo failed");
            }
            AnimDecoder opened = new AnimDecoder(functions, arena, decoder, info);
            opened.checkCanvas(maxCanvasPixels);
            return opened;
        } catch (RuntimeException e) {
            if (!decoder.equals(MemorySegment.NULL)) {
                functions.delete(decoder);
            }
            arena.close();
            throw e;
        }
    }

    /** The RIFF chunk's declared extent, checked against the data; trailing bytes past it are ignored. */
    private static long riffSize(byte[] webp) {
        if (webp.length < 20 || !ascii(webp, 0, "RIFF") || !ascii(webp, 8, "WEBP")) {
            throw new WebpException("not a WebP: no RIFF/WEBP header");
        }
        long declared = (webp[4] & 0xFFL) | (webp[5] & 0xFFL) << 8 | (webp[6] & 0xFFL) << 16 | (webp[7] & 0xFFL) << 24;
        if (declared < 12 || declared + 8 > webp.length) {
            throw new WebpException("WebP truncated: its RIFF header declares " + (declared + 8) + " bytes, the data has "
                    + webp.length);
        }
        return declared + 8;
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (data[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void checkCanvas(long maxCanvasPixels) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new WebpException("WebP canvas " + Integer.toUnsignedString(width) + "x"
                    + Integer.toUnsignedString(height) + " is outside 1..16383 a side");
        }
        if ((long) width * height > maxCanvasPixels) {
            throw new WebpException("WebP canvas " + width + "x" + height + " is over the limit of " + maxCanvasPixels
                    + " pixels");
        }
        if (frameCount < 1) {
            throw new WebpException("WebP has no frame");
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int frameCount() {
        return frameCount;
    }

    /** The ANIM chunk's loop count, 0 for ever (1 for a still image, which has none). */
    public int loopCount() {
        return loopCount;
    }

    /**
     * Decodes the next frame into {@code canvas} (width times height 0xAARRGGBB pixels).
     *
     * @return the time the frame ends, in milliseconds from the start, or -1 after the last frame
     * @throws WebpException when the frame's data is corrupt or truncated
     */
    public int next(int[] canvas) {
        if (closed) {
            throw new IllegalStateException("the WebP decoder is closed");
        }
        if (canvas.length != width * height) {
            throw new IllegalArgumentException("a canvas of " + canvas.length + " pixels for " + width + "x" + height);
        }
        if (!functions.hasMoreFrames(decoder)) {
            return -1;
        }
        if (!functions.getNext(decoder, bufferOut, timestampOut)) {
            throw new WebpException("WebP frame cannot be decoded (corrupt or truncated)");
        }
        MemorySegment pixels = bufferOut.get(ADDRESS, 0);
        if (pixels.equals(MemorySegment.NULL)) {
            throw new WebpException("WebP decoder returned no pixels");
        }
        MemorySegment.copy(pixels.reinterpret(4L * canvas.length), PIXEL, 0, canvas, 0, canvas.length);
        return timestampOut.get(JAVA_INT, 0);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                functions.delete(decoder);
            } finally {
                arena.close();
            }
        }
    }
}
