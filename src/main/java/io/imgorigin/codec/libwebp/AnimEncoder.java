package io.imgorigin.codec.libwebp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * libwebp's WebPAnimEncoder: lossy frames with alpha, each handed in as the whole canvas at its start
 * time; libwebp finds the changed rectangles, blending and disposal itself. One ARGB picture is allocated
 * for the canvas and refilled for every frame. Not for concurrent use; {@link #close()} frees everything.
 */
public final class AnimEncoder implements AutoCloseable {

    /** The ANIM chunk stores the loop count in 16 bits. */
    public static final int MAX_LOOP_COUNT = 0xFFFF;

    /** libwebp's method 0..6 trades speed for size; 2 is the still encoder's trade here too. */
    private static final int METHOD = 2;

    private final MuxFunctions functions;
    private final Arena arena;
    private final int width;
    private final int height;
    private MemorySegment encoder = MemorySegment.NULL;
    private MemorySegment picture;
    private MemorySegment config;
    private MemorySegment argb;
    private boolean pictureAllocated;
    private boolean closed;

    /** Whether libwebpmux is loaded. */
    public static boolean available() {
        return WebpMuxLibrary.loaded();
    }

    /**
     * @param loopCount how many times the animation plays, 0 for ever (at most 65535)
     * @param quality   lossy quality 0..100, colour and alpha alike
     */
    public AnimEncoder(int width, int height, int loopCount, int quality) {
        if (width < 1 || height < 1 || width > AnimDecoder.MAX_SIDE || height > AnimDecoder.MAX_SIDE) {
            throw new IllegalArgumentException("a WebP canvas is 1 to 16383 pixels a side, not " + width + "x" + height);
        }
        if (loopCount < 0 || loopCount > MAX_LOOP_COUNT) {
            throw new IllegalArgumentException("a WebP loop count is 0..65535, not " + loopCount);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality is 0..100, not " + quality);
        }
        this.functions = WebpMuxLibrary.instance().require();
        this.width = width;
        this.height = height;
        this.arena = Arena.ofShared();
        try {
            MemorySegment options = arena.allocate(WebpStructs.ENCODER_OPTIONS);
            if (!functions.optionsInit(options)) {
                throw new WebpException("WebPAnimEncoderOptionsInit: libwebpmux's ABI differs from 1.2.4's");
            }
            options.set(JAVA_INT, WebpStructs.offset(WebpStructs.ENCODER_OPTIONS, "loop_count"), loopCount);
            // A transparent background: what viewers start from, as GIF decoding does here.
            options.set(JAVA_INT, WebpStructs.offset(WebpStructs.ENCODER_OPTIONS, "bgcolor"), 0);
            options.set(JAVA_INT, WebpStructs.offset(WebpStructs.ENCODER_OPTIONS, "allow_mixed"), 0);
            encoder = functions.encoderNew(width, height, options);
            if (encoder.equals(MemorySegment.NULL)) {
                throw new WebpException("WebPAnimEncoderNew failed for " + width + "x" + height);
            }
            config = arena.allocate(WebpStructs.CONFIG);
            if (!functions.configInit(config, quality)) {
                throw new WebpException("WebPConfigInit: libwebp's ABI differs from 1.2.4's");
            }
            config.set(JAVA_INT, WebpStructs.offset(WebpStructs.CONFIG, "lossless"), 0);
            config.set(JAVA_FLOAT, WebpStructs.offset(WebpStructs.CONFIG, "quality"), quality);
            config.set(JAVA_INT, WebpStructs.offset(WebpStructs.CONFIG, "alpha_quality"), quality);
            config.set(JAVA_INT, WebpStructs.offset(WebpStructs.CONFIG, "method"), METHOD);
            picture = arena.allocate(WebpStructs.PICTURE);
            if (!functions.pictureInit(picture)) {
                throw new WebpException("WebPPictureInit: libwebp's ABI differs from 1.2.4's");
            }
            picture.set(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "use_argb"), 1);
            picture.set(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "width"), width);
            picture.set(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "height"), height);
            if (!functions.pictureAlloc(picture)) {
                throw new WebpException("WebPPictureAlloc failed for " + width + "x" + height);
            }
            pictureAllocated = true;
            int stride = picture.get(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "argb_stride"));
            MemorySegment pixels = picture.get(ADDRESS, WebpStructs.offset(WebpStructs.PICTURE, "argb"));
            if (stride != width || pixels.equals(MemorySegment.NULL)) {
                throw new WebpException("WebPPictureAlloc gave stride " + stride + " for width " + width);
            }
            argb = pixels.reinterpret(4L * width * height);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Adds a frame.
     *
     * @param canvas      width times height 0xAARRGGBB pixels, straight alpha
     * @param timestampMs when it starts, in milliseconds from the start; never less than the previous one
     */
    public void add(int[] canvas, int timestampMs) {
        checkOpen();
        if (canvas.length != width * height) {
            throw new IllegalArgumentException("a canvas of " + canvas.length + " pixels for " + width + "x" + height);
        }
        MemorySegment.copy(canvas, 0, argb, JAVA_INT, 0, canvas.length);
        if (!functions.add(encoder, picture, timestampMs, config)) {
            throw new WebpException("WebPAnimEncoderAdd failed: " + functions.error(encoder));
        }
    }

    /**
     * Ends the last frame at {@code endMs} and returns the file.
     */
    public byte[] assemble(int endMs) {
        checkOpen();
        if (!functions.add(encoder, MemorySegment.NULL, endMs, MemorySegment.NULL)) {
            throw new WebpException("WebPAnimEncoderAdd (end) failed: " + functions.error(encoder));
        }
        MemorySegment data = arena.allocate(WebpStructs.DATA);
        if (!functions.assemble(encoder, data)) {
            throw new WebpException("WebPAnimEncoderAssemble failed: " + functions.error(encoder));
        }
        MemorySegment bytes = data.get(ADDRESS, WebpStructs.offset(WebpStructs.DATA, "bytes"));
        long size = data.get(JAVA_LONG, WebpStructs.offset(WebpStructs.DATA, "size"));
        try {
            if (bytes.equals(MemorySegment.NULL) || size <= 0 || size > Integer.MAX_VALUE - 8) {
                throw new WebpException("WebPAnimEncoderAssemble returned " + size + " bytes");
            }
            byte[] file = new byte[(int) size];
            MemorySegment.copy(bytes.reinterpret(size), JAVA_BYTE, 0, file, 0, file.length);
            return file;
        } finally {
            // WebPDataClear is inline in the header: it is WebPFree of the bytes.
            if (!bytes.equals(MemorySegment.NULL)) {
                functions.free(bytes);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the WebP encoder is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pictureAllocated) {
                functions.pictureFree(picture);
            }
            if (!encoder.equals(MemorySegment.NULL)) {
                functions.delete(encoder);
            }
        } finally {
            arena.close();
        }
    }
}
