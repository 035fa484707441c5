package io.imgorigin.codec.spng;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import io.imgorigin.codec.Downcalls;

/**
 * Typed entry points into libspng's decoding API. C's {@code size_t} is passed as a Java long and
 * {@code uint32_t} as an int holding the same bits.
 */
record SpngFunctions(
        MethodHandle ctxNew,
        MethodHandle ctxFree,
        MethodHandle setPngBuffer,
        MethodHandle setImageLimits,
        MethodHandle setChunkLimits,
        MethodHandle setCrcAction,
        MethodHandle getIhdr,
        MethodHandle getTrns,
        MethodHandle decodedImageSize,
        MethodHandle decodeImage,
        MethodHandle decodeRow,
        MethodHandle getRowInfo,
        MethodHandle strerror,
        MethodHandle versionString) {

    /** Longer than any message or version string the library has; only read up to the terminating NUL. */
    private static final long MAX_TEXT = 1024;

    static SpngFunctions bind(SymbolLookup lookup) {
        var binder = Downcalls.binder(lookup, "size_t");
        // Decoding writes straight into the pixel arrays of Java images. The PNG itself cannot be passed
        // that way: the context keeps its address from one call to the next.
        return new SpngFunctions(
                binder.bind("spng_ctx_new", FunctionDescriptor.of(ADDRESS, JAVA_INT)),
                binder.bind("spng_ctx_free", FunctionDescriptor.ofVoid(ADDRESS)),
                binder.bind("spng_set_png_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG)),
                binder.bind("spng_set_image_limits", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)),
                binder.bind("spng_set_chunk_limits", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG)),
                binder.bind("spng_set_crc_action", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)),
                binder.bind("spng_get_ihdr", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                binder.bind("spng_get_trns", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                binder.bind("spng_decoded_image_size", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS)),
                binder.bindWithHeapAccess("spng_decode_image", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT)),
                binder.bindWithHeapAccess("spng_decode_row", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG)),
                binder.bind("spng_get_row_info", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                binder.bind("spng_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT)),
                binder.bind("spng_version_string", FunctionDescriptor.of(ADDRESS)));
    }

    MemorySegment spngCtxNew(int flags) {
        return Downcalls.call(() -> (MemorySegment) ctxNew.invokeExact(flags));
    }

    void spngCtxFree(MemorySegment ctx) {
        Downcalls.call(() -> {
            ctxFree.invokeExact(ctx);
        });
    }

    int spngSetPngBuffer(MemorySegment ctx, MemorySegment buffer, long size) {
        return Downcalls.call(() -> (int) setPngBuffer.invokeExact(ctx, buffer, size));
    }

    int spngSetImageLimits(MemorySegment ctx, int width, int height) {
        return Downcalls.call(() -> (int) setImageLimits.invokeExact(ctx, width, height));
    }

    int spngSetChunkLimits(MemorySegment ctx, long chunkSize, long cacheSize) {
        return Downcalls.call(() -> (int) setChunkLimits.invokeExact(ctx, chunkSize, cacheSize));
    }

    int spngSetCrcAction(MemorySegment ctx, int critical, int ancillary) {
        return Downcalls.call(() -> (int) setCrcAction.invokeExact(ctx, critical, ancillary));
    }

    int spngGetIhdr(MemorySegment ctx, MemorySegment ihdr) {
        return Downcalls.call(() -> (int) getIhdr.invokeExact(ctx, ihdr));
    }

    int spngGetTrns(MemorySegment ctx, MemorySegment trns) {
        return Downcalls.call(() -> (int) getTrns.invokeExact(ctx, trns));
    }

    int spngDecodedImageSize(MemorySegment ctx, int format, MemorySegment size) {
        return Downcalls.call(() -> (int) decodedImageSize.invokeExact(ctx, format, size));
    }

    int spngDecodeImage(MemorySegment ctx, MemorySegment out, long length, int format, int flags) {
        return Downcalls.call(() -> (int) decodeImage.invokeExact(ctx, out, length, format, flags));
    }

    int spngDecodeRow(MemorySegment ctx, MemorySegment out, long length) {
        return Downcalls.call(() -> (int) decodeRow.invokeExact(ctx, out, length));
    }

    int spngGetRowInfo(MemorySegment ctx, MemorySegment rowInfo) {
        return Downcalls.call(() -> (int) getRowInfo.invokeExact(ctx, rowInfo));
    }

    /** The library's text for an error code; its strings are static, so they are read in place. */
    String errorMessage(int error) {
        return text(Downcalls.call(() -> (MemorySegment) strerror.invokeExact(error)), "libspng error " + error);
    }

    String version() {
        return text(Downcalls.call(() -> (MemorySegment) versionString.invokeExact()), "unknown version");
    }

    private static String text(MemorySegment string, String otherwise) {
        if (string.equals(MemorySegment.NULL)) {
            return otherwise;
        }
        return string.reinterpret(MAX_TEXT).getString(0);
    }
}
