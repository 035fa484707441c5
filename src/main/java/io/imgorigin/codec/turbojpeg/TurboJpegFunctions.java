package io.imgorigin.codec.turbojpeg;

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
 * Typed entry points into the TurboJPEG 2.x C API. Every native size argument that C declares
 * {@code unsigned long} is passed as a Java long, which is only right on LP64 platforms; the library
 * loader refuses others.
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

    static TurboJpegFunctions bind(SymbolLookup lookup) {
        Linker linker = Linker.nativeLinker();
        NativeLibraries.requireSixtyFourBits(linker, "long");
        var binder = new NativeLibraries.Binder(linker, lookup);
        // The calls that take image buffers read and write Java arrays in place (no native copy of the
        // source or the pixels): they never call back into Java, and the collector waits while they run.
        Linker.Option heapAccess = Linker.Option.critical(true);
        return new TurboJpegFunctions(
                binder.bind("tjInitDecompress", FunctionDescriptor.of(ADDRESS)),
                binder.bind("tjDecompressHeader3", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS), heapAccess),
                binder.bind("tjDecompress2", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), heapAccess),
                binder.bind("tjGetScalingFactors", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                binder.bind("tjInitCompress", FunctionDescriptor.of(ADDRESS)),
                binder.bind("tjCompress2", FunctionDescriptor.of(JAVA_INT,
                        ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT,
                        JAVA_INT), heapAccess),
                binder.bind("tjFree", FunctionDescriptor.ofVoid(ADDRESS)),
                binder.bind("tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                binder.bind("tjGetErrorStr2", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                binder.bind("tjGetErrorCode", FunctionDescriptor.of(JAVA_INT, ADDRESS)));
    }

    MemorySegment tjInitDecompress() {
        try {
            return (MemorySegment) initDecompress.invokeExact();
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int tjDecompressHeader3(MemorySegment handle, MemorySegment jpeg, long size, MemorySegment width,
            MemorySegment height, MemorySegment subsampling, MemorySegment colorspace) {
        try {
            return (int) decompressHeader3.invokeExact(handle, jpeg, size, width, height, subsampling, colorspace);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int tjDecompress2(MemorySegment handle, MemorySegment jpeg, long size, MemorySegment destination, int width,
            int pitch, int height, int pixelFormat, int flags) {
        try {
            return (int) decompress2.invokeExact(handle, jpeg, size, destination, width, pitch, height, pixelFormat,
                    flags);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    MemorySegment tjGetScalingFactors(MemorySegment count) {
        try {
            return (MemorySegment) getScalingFactors.invokeExact(count);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    MemorySegment tjInitCompress() {
        try {
            return (MemorySegment) initCompress.invokeExact();
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int tjCompress2(MemorySegment handle, MemorySegment source, int width, int pitch, int height, int pixelFormat,
            MemorySegment jpegBuffer, MemorySegment jpegSize, int subsampling, int quality, int flags) {
        try {
            return (int) compress2.invokeExact(handle, source, width, pitch, height, pixelFormat, jpegBuffer, jpegSize,
                    subsampling, quality, flags);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    void tjFree(MemorySegment buffer) {
        try {
            free.invokeExact(buffer);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int tjDestroy(MemorySegment handle) {
        try {
            return (int) destroy.invokeExact(handle);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    /** The last error for the handle (or of handle creation, given NULL), copied out of the library's buffer. */
    String errorMessage(MemorySegment handle) {
        try {
            MemorySegment message = (MemorySegment) getErrorStr2.invokeExact(handle);
            if (message.equals(MemorySegment.NULL)) {
                return "unknown TurboJPEG error";
            }
            return message.reinterpret(TurboJpegConstants.ERROR_MESSAGE_CAPACITY).getString(0);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }

    int tjGetErrorCode(MemorySegment handle) {
        try {
            return (int) getErrorCode.invokeExact(handle);
        } catch (Throwable e) {
            throw NativeLibraries.rethrow(e);
        }
    }
}
