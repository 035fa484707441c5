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
 * Typed entry points into libwebpmux's WebPAnimEncoder API (mux.h) and the libwebp functions it needs
 * (encode.h, types.h), which the dynamic loader finds through libwebpmux's dependency on libwebp.
 */
final class MuxFunctions {

    private final MethodHandle version;
    private final MethodHandle optionsInit;
    private final MethodHandle encoderNew;
    private final MethodHandle add;
    private final MethodHandle assemble;
    private final MethodHandle error;
    private final MethodHandle delete;
    private final MethodHandle configInit;
    private final MethodHandle pictureInit;
    private final MethodHandle pictureAlloc;
    private final MethodHandle pictureFree;
    private final MethodHandle free;

    private MuxFunctions(Downcalls.Binder b) {
        WebpStructs.checkSizes();
        version = b.bind("WebPGetMuxVersion", FunctionDescriptor.of(JAVA_INT));
        optionsInit = b.bind("WebPAnimEncoderOptionsInitInternal", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        encoderNew = b.bind("WebPAnimEncoderNewInternal",
                FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        add = b.bind("WebPAnimEncoderAdd", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        assemble = b.bind("WebPAnimEncoderAssemble", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        error = b.bind("WebPAnimEncoderGetError", FunctionDescriptor.of(ADDRESS, ADDRESS));
        delete = b.bind("WebPAnimEncoderDelete", FunctionDescriptor.ofVoid(ADDRESS));
        configInit = b.bind("WebPConfigInitInternal",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, JAVA_INT));
        pictureInit = b.bind("WebPPictureInitInternal", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        pictureAlloc = b.bind("WebPPictureAlloc", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        pictureFree = b.bind("WebPPictureFree", FunctionDescriptor.ofVoid(ADDRESS));
        free = b.bind("WebPFree", FunctionDescriptor.ofVoid(ADDRESS));
    }

    static MuxFunctions bind(SymbolLookup lookup) {
        return new MuxFunctions(Downcalls.binder(lookup, "size_t"));
    }

    String version() {
        int v = Downcalls.call(() -> (int) version.invokeExact());
        return (v >> 16) + "." + (v >> 8 & 0xFF) + "." + (v & 0xFF);
    }

    boolean optionsInit(MemorySegment options) {
        return Downcalls.call(() -> (int) optionsInit.invokeExact(options, WebpStructs.MUX_ABI)) != 0;
    }

    MemorySegment encoderNew(int width, int height, MemorySegment options) {
        return Downcalls.call(() -> (MemorySegment) encoderNew.invokeExact(width, height, options, WebpStructs.MUX_ABI));
    }

    /** A frame at {@code timestamp}, or with a NULL picture and config the end of the last frame. */
    boolean add(MemorySegment encoder, MemorySegment picture, int timestamp, MemorySegment config) {
        return Downcalls.call(() -> (int) add.invokeExact(encoder, picture, timestamp, config)) != 0;
    }

    boolean assemble(MemorySegment encoder, MemorySegment data) {
        return Downcalls.call(() -> (int) assemble.invokeExact(encoder, data)) != 0;
    }

    /** The encoder's last error message, or "" when it has none. */
    String error(MemorySegment encoder) {
        MemorySegment text = Downcalls.call(() -> (MemorySegment) error.invokeExact(encoder));
        return text.equals(MemorySegment.NULL) ? "" : text.reinterpret(1024).getString(0);
    }

    void delete(MemorySegment encoder) {
        Downcalls.call(() -> {
            delete.invokeExact(encoder);
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

    void free(MemorySegment pointer) {
        Downcalls.call(() -> {
            free.invokeExact(pointer);
        });
    }
}
