package io.imgorigin.codec.libwebp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An animated WebP built frame by frame: each canvas is encoded lossy with alpha by WebPEncode and pushed
 * into a WebPMux as a whole-canvas ANMF frame that replaces the previous one (no blending, no disposal),
 * with its own duration ({@link SingleFrameAnimation} keeps one frame an animation). WebPAnimEncoder is not used because it drops frames it finds (nearly) equal to
 * the previous canvas, adding their time to that one, and turns a single frame into a still image without
 * its duration; this way frame count and every delay are kept. Not for concurrent use; {@link #close()}
 * frees everything.
 */
public final class AnimEncoder implements AutoCloseable {

    /** The ANIM chunk stores the loop count in 16 bits. */
    public static final int MAX_LOOP_COUNT = 0xFFFF;
    /** An ANMF chunk stores the duration in 24 bits. */
    public static final int MAX_DURATION = 0xFFFFFF;

    /** libwebp's method 0..6 trades speed for size; 2 is the still encoder's trade here too. */
    private static final int METHOD = 2;

    private final MuxFunctions functions;
    private final Arena arena;
    private final int width;
    private final int height;
    private final MemorySegment mux;
    private final MemorySegment config;
    private final MemorySegment picture;
    private final MemorySegment writer;
    private final MemorySegment frameInfo;
    private final int loopCount;
    private int frames;
    private int firstDuration;
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
        this.loopCount = loopCount;
        this.arena = Arena.ofShared();
        MemorySegment created = MemorySegment.NULL;
        try {
            config = arena.allocate(WebpStructs.CONFIG);
            if (!functions.configInit(config, quality)) {
                throw new WebpException("WebPConfigInit: libwebp's ABI differs from 1.2.4's");
            }
            config.set(JAVA_INT, WebpStructs.offset(WebpStructs.CONFIG, "lossless"), 0);
            config.set(JAVA_FLOAT, WebpStructs.offset(WebpStructs.CONFIG, "quality"), quality);
            config.set(JAVA_INT, WebpStructs.offset(WebpStructs.CONFIG, "alpha_quality"), quality);
            config.set(JAVA_INT, WebpStructs.offset(WebpStructs.CONFIG, "method"), METHOD);
            picture = arena.allocate(WebpStructs.PICTURE);
            writer = arena.allocate(WebpStructs.MEMORY_WRITER);
            frameInfo = arena.allocate(WebpStructs.FRAME_INFO);
            created = functions.muxNew();
            if (created.equals(MemorySegment.NULL)) {
                throw new WebpException("WebPMuxNew: libwebpmux's ABI differs from 1.2.4's");
            }
            check(functions.setCanvasSize(created, width, height), "WebPMuxSetCanvasSize");
            MemorySegment params = arena.allocate(WebpStructs.ANIM_PARAMS);
            // A transparent background: what viewers start from, as GIF decoding does here.
            params.set(JAVA_INT, WebpStructs.offset(WebpStructs.ANIM_PARAMS, "bgcolor"), 0);
            params.set(JAVA_INT, WebpStructs.offset(WebpStructs.ANIM_PARAMS, "loop_count"), loopCount);
            check(functions.setAnimationParams(created, params), "WebPMuxSetAnimationParams");
            mux = created;
        } catch (RuntimeException e) {
            if (!created.equals(MemorySegment.NULL)) {
                functions.muxDelete(created);
            }
            arena.close();
            throw e;
        }
    }

    /**
     * Encodes and appends a frame.
     *
     * @param canvas     width times height 0xAARRGGBB pixels, straight alpha
     * @param durationMs how long it shows, 0..16777215
     */
    public void add(int[] canvas, int durationMs) {
        checkOpen();
        if (canvas.length != width * height) {
            throw new IllegalArgumentException("a canvas of " + canvas.length + " pixels for " + width + "x" + height);
        }
        if (durationMs < 0 || durationMs > MAX_DURATION) {
            throw new IllegalArgumentException("a WebP frame lasts 0..16777215 ms, not " + durationMs);
        }
        picture.fill((byte) 0);
        if (!functions.pictureInit(picture)) {
            throw new WebpException("WebPPictureInit: libwebp's ABI differs from 1.2.4's");
        }
        picture.set(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "use_argb"), 1);
        picture.set(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "width"), width);
        picture.set(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "height"), height);
        functions.memoryWriterInit(writer);
        try {
            if (!functions.pictureAlloc(picture)) {
                throw new WebpException("WebPPictureAlloc failed for " + width + "x" + height);
            }
            int stride = picture.get(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "argb_stride"));
            MemorySegment argb = picture.get(ADDRESS, WebpStructs.offset(WebpStructs.PICTURE, "argb"));
            if (stride != width || argb.equals(MemorySegment.NULL)) {
                throw new WebpException("WebPPictureAlloc gave stride " + stride + " for width " + width);
            }
            MemorySegment.copy(canvas, 0, argb.reinterpret(4L * canvas.length), JAVA_INT, 0, canvas.length);
            picture.set(ADDRESS, WebpStructs.offset(WebpStructs.PICTURE, "writer"), functions.memoryWrite());
            picture.set(ADDRESS, WebpStructs.offset(WebpStructs.PICTURE, "custom_ptr"), writer);
            if (!functions.encode(config, picture)) {
                throw new WebpException("WebPEncode failed with error "
                        + picture.get(JAVA_INT, WebpStructs.offset(WebpStructs.PICTURE, "error_code")));
            }
            MemorySegment bytes = writer.get(ADDRESS, WebpStructs.offset(WebpStructs.MEMORY_WRITER, "mem"));
            long size = writer.get(JAVA_LONG, WebpStructs.offset(WebpStructs.MEMORY_WRITER, "size"));
            if (bytes.equals(MemorySegment.NULL) || size <= 0) {
                throw new WebpException("WebPEncode wrote nothing");
            }
            frameInfo.fill((byte) 0);
            frameInfo.set(ADDRESS, WebpStructs.offset(WebpStructs.FRAME_INFO, "bytes"), bytes);
            frameInfo.set(JAVA_LONG, WebpStructs.offset(WebpStructs.FRAME_INFO, "size"), size);
            frameInfo.set(JAVA_INT, WebpStructs.offset(WebpStructs.FRAME_INFO, "duration"), durationMs);
            frameInfo.set(JAVA_INT, WebpStructs.offset(WebpStructs.FRAME_INFO, "id"), WebpStructs.CHUNK_ANMF);
            frameInfo.set(JAVA_INT, WebpStructs.offset(WebpStructs.FRAME_INFO, "dispose_method"),
                    WebpStructs.DISPOSE_NONE);
            frameInfo.set(JAVA_INT, WebpStructs.offset(WebpStructs.FRAME_INFO, "blend_method"), WebpStructs.NO_BLEND);
            check(functions.pushFrame(mux, frameInfo), "WebPMuxPushFrame");
            if (frames++ == 0) {
                firstDuration = durationMs;
            }
        } finally {
            functions.pictureFree(picture);
            functions.memoryWriterClear(writer);
        }
    }

    /** The assembled file. */
    public byte[] assemble() {
        checkOpen();
        MemorySegment data = arena.allocate(WebpStructs.DATA);
        check(functions.assemble(mux, data), "WebPMuxAssemble");
        MemorySegment bytes = data.get(ADDRESS, WebpStructs.offset(WebpStructs.DATA, "bytes"));
        long size = data.get(JAVA_LONG, WebpStructs.offset(WebpStructs.DATA, "size"));
        try {
            if (bytes.equals(MemorySegment.NULL) || size <= 0 || size > Integer.MAX_VALUE - 8) {
                throw new WebpException("WebPMuxAssemble returned " + size + " bytes");
            }
            byte[] file = new byte[(int) size];
            MemorySegment.copy(bytes.reinterpret(size), JAVA_BYTE, 0, file, 0, file.length);
            return frames == 1 ? SingleFrameAnimation.wrap(file, width, height, loopCount, firstDuration) : file;
        } finally {
            // WebPDataClear is inline in the header: it is WebPFree of the bytes.
            if (!bytes.equals(MemorySegment.NULL)) {
                functions.free(bytes);
            }
        }
    }

    private static void check(int muxError, String call) {
        if (muxError != WebpStructs.MUX_OK) {
            throw new WebpException(call + " failed with WebPMuxError " + muxError);
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
            functions.muxDelete(mux);
        } finally {
            arena.close();
        }
    }
}
