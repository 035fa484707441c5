package io.imgorigin.codec.turbojpeg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import io.imgorigin.codec.Downcalls;

/**
 * Typed entry points into the TurboJPEG 2.x C API. C's {@code unsigned long} sizes are passed as Java
 * longs. The calls given image buffers read and write the Java arrays in place, with no native copy of
 * the source or the pixels.
 */
record TurboJpegFunctions(
        MethodHandle initDecompress,
        MethodHandle decompressHeader3,
        MethodHandle decompress2,
        MethodHandle getScalingFactors,
        MethodHandle initCompress,
        MethodHandle compress2,
        MethodHandle free,
        MethodHandle destroy,
        MethodHandle getErrorStr2,
        MethodHandle getErrorCode) {

    /** Size of the library's per-handle error message buffer (JMSG_LENGTH_MAX). */
    private static final int ERROR_MESSAGE_CAPACITY = 200;

    static TurboJpegFunctions bind(SymbolLookup lookup) {
        var binder = Downcalls.binder(lookup, "long");
        return new TurboJpegFunctions(
                binder.bind("tjInitDecompress", FunctionDescriptor.of(ADDRESS)),
                binder.bindWithHeapAccess("tjDecompressHeader3", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                binder.bindWithHeapAccess("tjDecompress2", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)),
                binder.bind("tjGetScalingFactors", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                binder.bind("tjInitCompress", FunctionDescriptor.of(ADDRESS)),
                binder.bindWithHeapAccess("tjCompress2", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT,
                        JAVA_INT)),
                binder.bind("tjFree", FunctionDescriptor.ofVoid(ADDRESS)),
                binder.bind("tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                binder.bind("tjGetErrorStr2", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                binder.bind("tjGetErrorCode", FunctionDescriptor.of(JAVA_INT, ADDRESS)));
    }

    MemorySegment tjInitDecompress() {
        return Downcalls.call(() -> (MemorySegment) initDecompress.invokeExact());
    }

    int tjDecompressHeader3(MemorySegment handle, MemorySegment jpeg, long size, MemorySegment width,
            MemorySegment height, MemorySegment subsampling, MemorySegment colorspace) {
        return Downcalls.call(() -> (int) decompressHeader3.invokeExact(handle, jpeg, size, width, height, subsampling,
                colorspace));
    }

    int tjDecompress2(MemorySegment handle, MemorySegment jpeg, long size, MemorySegment destination, int width,
            int pitch, int height, int pixelFormat, int flags) {
        return Downcalls.call(() -> (int) decompress2.invokeExact(handle, jpeg, size, destination, width, pitch, height,
                pixelFormat, flags));
    }

    MemorySegment tjGetScalingFactors(MemorySegment count) {
        return Downcalls.call(() -> (MemorySegment) getScalingFactors.invokeExact(count));
    }

    MemorySegment tjInitCompress() {
        return Downcalls.call(() -> (MemorySegment) initCompress.invokeExact());
    }

    int tjCompress2(MemorySegment handle, MemorySegment source, int width, int pitch, int height, int pixelFormat,
            MemorySegment jpegBuffer, MemorySegment jpegSize, int subsampling, int quality, int flags) {
        return Downcalls.call(() -> (int) compress2.invokeExact(handle, source, width, pitch, height, pixelFormat,
                jpegBuffer, jpegSize, subsampling, quality, flags));
    }

    void tjFree(MemorySegment buffer) {
        Downcalls.call(() -> {
            free.invokeExact(buffer);
        });
    }

    int tjDestroy(MemorySegment handle) {
        return Downcalls.call(() -> (int) destroy.invokeExact(handle));
    }

    /** The last error for the handle (or of handle creation, given NULL), copied out of the library's buffer. */
    String errorMessage(MemorySegment handle) {
        MemorySegment message = Downcalls.call(() -> (MemorySegment) getErrorStr2.invokeExact(handle));
        if (message.equals(MemorySegment.NULL)) {
            return "unknown TurboJPEG error";
        }
        return message.reinterpret(ERROR_MESSAGE_CAPACITY).getString(0);
    }

    int tjGetErrorCode(MemorySegment handle) {
        return Downcalls.call(() -> (int) getErrorCode.invokeExact(handle));
    }
}
