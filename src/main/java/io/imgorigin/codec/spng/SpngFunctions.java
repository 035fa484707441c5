package io.imgorigin.codec.spng;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import io.imgorigin.codec.NativeLibraries;

/**
 * Typed entry points into libspng's decoding API. C's {@code size_t} is passed as a Java long and
 * {@code uint32_t} as an int holding the same bits; the binder refuses platforms where size_t is not 64 bits.
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
        Linker linker = Linker.nativeLinker();
        NativeLibraries.requireSixtyFourBits(linker, "size_t");
        var binder = new NativeLibraries.Binder(linker, lookup);
        // Decoding writes straight into the pixel arrays of Java images: the call never calls back into
        // Java, and the collector waits while it runs. The PNG itself cannot be passed that way, because
        // the context keeps its address from one call to the next.
        Linker.Option heapAccess = Linker.Option.critical(true);
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
                binder.bind("spng_decode_image", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT), heapAccess),
                binder.bind("spng_decode_row", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), heapAccess),
                binder.bind("spng_get_row_info", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                binder.bind("spng_strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT)),
                binder.bind("spng_version_string", FunctionDescriptor.of(ADDRESS)));
    }

    MemorySegment spngCtxNew(int flags) {
        try {
            return (MemorySegment) ctxNew.invokeExact(flags);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    void spngCtxFree(MemorySegment ctx) {
        try {
            ctxFree.invokeExact(ctx);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngSetPngBuffer(MemorySegment ctx, MemorySegment buffer, long size) {
        try {
            return (int) setPngBuffer.invokeExact(ctx, buffer, size);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngSetImageLimits(MemorySegment ctx, int width, int height) {
        try {
            return (int) setImageLimits.invokeExact(ctx, width, height);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngSetChunkLimits(MemorySegment ctx, long chunkSize, long cacheSize) {
        try {
            return (int) setChunkLimits.invokeExact(ctx, chunkSize, cacheSize);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngSetCrcAction(MemorySegment ctx, int critical, int ancillary) {
        try {
            return (int) setCrcAction.invokeExact(ctx, critical, ancillary);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngGetIhdr(MemorySegment ctx, MemorySegment ihdr) {
        try {
            return (int) getIhdr.invokeExact(ctx, ihdr);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngGetTrns(MemorySegment ctx, MemorySegment trns) {
        try {
            return (int) getTrns.invokeExact(ctx, trns);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngDecodedImageSize(MemorySegment ctx, int format, MemorySegment size) {
        try {
            return (int) decodedImageSize.invokeExact(ctx, format, size);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngDecodeImage(MemorySegment ctx, MemorySegment out, long length, int format, int flags) {
        try {
            return (int) decodeImage.invokeExact(ctx, out, length, format, flags);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngDecodeRow(MemorySegment ctx, MemorySegment out, long length) {
        try {
            return (int) decodeRow.invokeExact(ctx, out, length);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int spngGetRowInfo(MemorySegment ctx, MemorySegment rowInfo) {
        try {
            return (int) getRowInfo.invokeExact(ctx, rowInfo);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    /** The library's text for an error code; its strings are static, so they are read in place. */
    String errorMessage(int error) {
        try {
            return text((MemorySegment) strerror.invokeExact(error), "libspng error " + error);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    String version() {
        try {
            return text((MemorySegment) versionString.invokeExact(), "unknown version");
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    private static String text(MemorySegment string, String otherwise) {
        if (string.equals(MemorySegment.NULL)) {
            return otherwise;
        }
        return string.reinterpret(MAX_TEXT).getString(0);
    }
}
