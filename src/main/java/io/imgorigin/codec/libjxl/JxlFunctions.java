package io.imgorigin.codec.libjxl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import io.imgorigin.codec.Downcalls;

/**
 * Typed entry points into libjxl 0.7's decoder API ({@code jxl/decode.h}). Status values and events are
 * {@code JxlDecoderStatus}; {@code size_t} is passed as a Java long, enums and {@code JXL_BOOL} as ints.
 */
final class JxlFunctions {

    static final int SUCCESS = 0;
    static final int ERROR = 1;
    static final int NEED_MORE_INPUT = 2;
    static final int NEED_IMAGE_OUT_BUFFER = 5;
    static final int BASIC_INFO = 0x40;
    static final int COLOR_ENCODING = 0x100;
    static final int FULL_IMAGE = 0x1000;

    /** JXL_COLOR_PROFILE_TARGET_DATA: the profile of the pixels the decoder outputs. */
    static final int TARGET_DATA = 1;

    private final MethodHandle version;
    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle subscribeEvents;
    private final MethodHandle setInput;
    private final MethodHandle closeInput;
    private final MethodHandle processInput;
    private final MethodHandle getBasicInfo;
    private final MethodHandle setUnpremultiplyAlpha;
    private final MethodHandle iccProfileSize;
    private final MethodHandle colorAsIccProfile;
    private final MethodHandle setPreferredColorProfile;
    private final MethodHandle colorEncodingSetToSrgb;
    private final MethodHandle imageOutBufferSize;
    private final MethodHandle setImageOutBuffer;

    private JxlFunctions(Downcalls.Binder b) {
        version = b.bind("JxlDecoderVersion", FunctionDescriptor.of(JAVA_INT));
        create = b.bind("JxlDecoderCreate", FunctionDescriptor.of(ADDRESS, ADDRESS));
        destroy = b.bind("JxlDecoderDestroy", FunctionDescriptor.ofVoid(ADDRESS));
        subscribeEvents = b.bind("JxlDecoderSubscribeEvents", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setInput = b.bind("JxlDecoderSetInput", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        closeInput = b.bind("JxlDecoderCloseInput", FunctionDescriptor.ofVoid(ADDRESS));
        processInput = b.bind("JxlDecoderProcessInput", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getBasicInfo = b.bind("JxlDecoderGetBasicInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        setUnpremultiplyAlpha = b.bind("JxlDecoderSetUnpremultiplyAlpha",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        iccProfileSize = b.bind("JxlDecoderGetICCProfileSize",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
        colorAsIccProfile = b.bind("JxlDecoderGetColorAsICCProfile",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG));
        setPreferredColorProfile = b.bind("JxlDecoderSetPreferredColorProfile",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        colorEncodingSetToSrgb = b.bind("JxlColorEncodingSetToSRGB", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        imageOutBufferSize = b.bind("JxlDecoderImageOutBufferSize",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        setImageOutBuffer = b.bind("JxlDecoderSetImageOutBuffer",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    }

    static JxlFunctions bind(SymbolLookup lookup) {
        JxlFunctions functions = new JxlFunctions(Downcalls.binder(lookup, "size_t"));
        int v = functions.version();
        if (v / 1000 != 7) {
            throw new UnsupportedOperationException("libjxl " + describe(v) + " is not 0.7, whose structures this binding knows");
        }
        return functions;
    }

    static String versionText(JxlFunctions functions) {
        return describe(functions.version());
    }

    private static String describe(int v) {
        return v / 1_000_000 + "." + v / 1000 % 1000 + "." + v % 1000;
    }

    int version() {
        return Downcalls.call(() -> (int) version.invokeExact());
    }

    MemorySegment create() {
        return Downcalls.call(() -> (MemorySegment) create.invokeExact(MemorySegment.NULL));
    }

    void destroy(MemorySegment decoder) {
        Downcalls.call(() -> {
            destroy.invokeExact(decoder);
        });
    }

    int subscribeEvents(MemorySegment decoder, int events) {
        return Downcalls.call(() -> (int) subscribeEvents.invokeExact(decoder, events));
    }

    int setInput(MemorySegment decoder, MemorySegment data, long size) {
        return Downcalls.call(() -> (int) setInput.invokeExact(decoder, data, size));
    }

    void closeInput(MemorySegment decoder) {
        Downcalls.call(() -> {
            closeInput.invokeExact(decoder);
        });
    }

    int processInput(MemorySegment decoder) {
        return Downcalls.call(() -> (int) processInput.invokeExact(decoder));
    }

    int basicInfo(MemorySegment decoder, MemorySegment info) {
        return Downcalls.call(() -> (int) getBasicInfo.invokeExact(decoder, info));
    }

    int setUnpremultiplyAlpha(MemorySegment decoder, boolean unpremultiply) {
        return Downcalls.call(() -> (int) setUnpremultiplyAlpha.invokeExact(decoder, unpremultiply ? 1 : 0));
    }

    int iccProfileSize(MemorySegment decoder, MemorySegment format, int target, MemorySegment size) {
        return Downcalls.call(() -> (int) iccProfileSize.invokeExact(decoder, format, target, size));
    }

    int colorAsIccProfile(MemorySegment decoder, MemorySegment format, int target, MemorySegment icc, long size) {
        return Downcalls.call(() -> (int) colorAsIccProfile.invokeExact(decoder, format, target, icc, size));
    }

    int setPreferredColorProfile(MemorySegment decoder, MemorySegment colorEncoding) {
        return Downcalls.call(() -> (int) setPreferredColorProfile.invokeExact(decoder, colorEncoding));
    }

    void colorEncodingSetToSrgb(MemorySegment colorEncoding, boolean gray) {
        Downcalls.call(() -> {
            colorEncodingSetToSrgb.invokeExact(colorEncoding, gray ? 1 : 0);
        });
    }

    int imageOutBufferSize(MemorySegment decoder, MemorySegment format, MemorySegment size) {
        return Downcalls.call(() -> (int) imageOutBufferSize.invokeExact(decoder, format, size));
    }

    int setImageOutBuffer(MemorySegment decoder, MemorySegment format, MemorySegment buffer, long size) {
        return Downcalls.call(() -> (int) setImageOutBuffer.invokeExact(decoder, format, buffer, size));
    }
}
