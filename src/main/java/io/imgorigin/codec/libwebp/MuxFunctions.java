package io.imgorigin.codec.libwebp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import io.imgorigin.codec.Downcalls;

/**
 * Typed entry points into libwebpmux's WebPMux API (mux.h) and the libwebp encoder functions it sits on
 * (encode.h, types.h), which the dynamic loader finds through libwebpmux's dependency on libwebp.
 */
final class MuxFunctions {

    private final MethodHandle version;
    private final MethodHandle muxNew;
    private final MethodHandle setCanvasSize;
    private final MethodHandle setAnimationParams;
    private final MethodHandle pushFrame;
    private final MethodHandle assemble;
    private final MethodHandle muxDelete;
    private final MethodHandle configInit;
    private final MethodHandle pictureInit;
    private final MethodHandle pictureAlloc;
    private final MethodHandle pictureFree;
    private final MethodHandle encode;
    private final MethodHandle memoryWriterInit;
    private final MethodHandle memoryWriterClear;
    private final MethodHandle free;
    /** WebPMemoryWrite, the WebPWriterFunction a picture's writer field points at. */
    private final MemorySegment memoryWrite;

    private MuxFunctions(Downcalls.Binder b) {
        WebpStructs.checkSizes();
        version = b.bind("WebPGetMuxVersion", FunctionDescriptor.of(JAVA_INT));
        muxNew = b.bind("WebPNewInternal", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        setCanvasSize = b.bind("WebPMuxSetCanvasSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        setAnimationParams = b.bind("WebPMuxSetAnimationParams", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        pushFrame = b.bind("WebPMuxPushFrame", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        assemble = b.bind("WebPMuxAssemble", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        muxDelete = b.bind("WebPMuxDelete", FunctionDescriptor.ofVoid(ADDRESS));
        configInit = b.bind("WebPConfigInitInternal",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, JAVA_INT));
        pictureInit = b.bind("WebPPictureInitInternal", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        pictureAlloc = b.bind("WebPPictureAlloc", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        pictureFree = b.bind("WebPPictureFree", FunctionDescriptor.ofVoid(ADDRESS));
        encode = b.bind("WebPEncode", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        memoryWriterInit = b.bind("WebPMemoryWriterInit", FunctionDescriptor.ofVoid(ADDRESS));
        memoryWriterClear = b.bind("WebPMemoryWriterClear", FunctionDescriptor.ofVoid(ADDRESS));
        free = b.bind("WebPFree", FunctionDescriptor.ofVoid(ADDRESS));
        memoryWrite = b.lookup().find("WebPMemoryWrite")
                .orElseThrow(() -> new UnsupportedOperationException("symbol WebPMemoryWrite not found"));
    }

    static MuxFunctions bind(SymbolLookup lookup) {
        return new MuxFunctions(Downcalls.binder(lookup, "size_t"));
    }

    String version() {
        int v = Downcalls.call(() -> (int) version.invokeExact());
        return (v >> 16) + "." + (v >> 8 & 0xFF) + "." + (v & 0xFF);
    }

    /** A new WebPMux, or NULL when the library's ABI is not 1.2.4's major version. */
    MemorySegment muxNew() {
        return Downcalls.call(() -> (MemorySegment) muxNew.invokeExact(WebpStructs.MUX_ABI));
    }

    int setCanvasSize(MemorySegment mux, int width, int height) {
        return Downcalls.call(() -> (int) setCanvasSize.invokeExact(mux, width, height));
    }

    int setAnimationParams(MemorySegment mux, MemorySegment params) {
        return Downcalls.call(() -> (int) setAnimationParams.invokeExact(mux, params));
    }

    /** Appends a frame, copying its bitstream into the mux. */
    int pushFrame(MemorySegment mux, MemorySegment frameInfo) {
        return Downcalls.call(() -> (int) pushFrame.invokeExact(mux, frameInfo, 1));
    }

    int assemble(MemorySegment mux, MemorySegment data) {
        return Downcalls.call(() -> (int) assemble.invokeExact(mux, data));
    }

    void muxDelete(MemorySegment mux) {
        Downcalls.call(() -> {
            muxDelete.invokeExact(mux);
        });
    }

    boolean configInit(MemorySegment config, float quality) {
        return Downcalls.call(() -> (int) configInit.invokeExact(config, WebpStructs.PRESET_DEFAULT, quality,
                WebpStructs.ENCODER_ABI)) != 0;
    }

    boolean pictureInit(MemorySegment picture) {
        return Downcalls.call(() -> (int) pictureInit.invokeExact(picture, WebpStructs.ENCODER_ABI)) != 0;
    }

    boolean pictureAlloc(MemorySegment picture) {
        return Downcalls.call(() -> (int) pictureAlloc.invokeExact(picture)) != 0;
    }

    void pictureFree(MemorySegment picture) {
        Downcalls.call(() -> {
            pictureFree.invokeExact(picture);
        });
    }

    boolean encode(MemorySegment config, MemorySegment picture) {
        return Downcalls.call(() -> (int) encode.invokeExact(config, picture)) != 0;
    }

    void memoryWriterInit(MemorySegment writer) {
        Downcalls.call(() -> {
            memoryWriterInit.invokeExact(writer);
        });
    }

    void memoryWriterClear(MemorySegment writer) {
        Downcalls.call(() -> {
            memoryWriterClear.invokeExact(writer);
        });
    }

    void free(MemorySegment pointer) {
        Downcalls.call(() -> {
            free.invokeExact(pointer);
        });
    }

    MemorySegment memoryWrite() {
        return memoryWrite;
    }
}
