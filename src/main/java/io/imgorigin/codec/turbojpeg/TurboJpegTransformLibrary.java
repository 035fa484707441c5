package io.imgorigin.codec.turbojpeg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

import io.imgorigin.codec.Downcalls;
import io.imgorigin.codec.NativeLibrary;

/**
 * TurboJPEG's lossless transform functions (its 2.1 API): {@code tjTransform} with a crop region, which
 * makes a smaller JPEG of a region by copying DCT coefficients, without decoding pixels. Bound on its own
 * so that a library without them still leaves the decoder and encoder in place.
 */
final class TurboJpegTransformLibrary extends NativeLibrary<TurboJpegTransformLibrary.Functions> {

    private static final TurboJpegTransformLibrary INSTANCE =
            new TurboJpegTransformLibrary(candidates("libturbojpeg.so.0", "/opt/libjpeg-turbo/lib64"));

    private TurboJpegTransformLibrary(List<String> candidates) {
        super("libturbojpeg (transform)", candidates, Functions::bind, functions -> "");
    }

    static TurboJpegTransformLibrary instance() {
        return INSTANCE;
    }

    /** The functions a crop transform calls. */
    record Functions(MethodHandle initTransform, MethodHandle decompressHeader3, MethodHandle transform,
            MethodHandle destroy, MethodHandle getErrorStr2, MethodHandle getErrorCode) {

        private static final int ERROR_MESSAGE_CAPACITY = 200;

        static Functions bind(java.lang.foreign.SymbolLookup lookup) {
            var binder = Downcalls.binder(lookup, "long");
            return new Functions(
                    binder.bind("tjInitTransform", FunctionDescriptor.of(ADDRESS)),
                    binder.bindWithHeapAccess("tjDecompressHeader3", FunctionDescriptor.of(JAVA_INT,
                            ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                    binder.bindWithHeapAccess("tjTransform", FunctionDescriptor.of(JAVA_INT,
                            ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT)),
                    binder.bind("tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    binder.bind("tjGetErrorStr2", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                    binder.bind("tjGetErrorCode", FunctionDescriptor.of(JAVA_INT, ADDRESS)));
        }

        MemorySegment tjInitTransform() {
            return Downcalls.call(() -> (MemorySegment) initTransform.invokeExact());
        }

        int tjDecompressHeader3(MemorySegment handle, MemorySegment jpeg, long size, MemorySegment width,
                MemorySegment height, MemorySegment subsampling, MemorySegment colorspace) {
            return Downcalls.call(() -> (int) decompressHeader3.invokeExact(handle, jpeg, size, width, height,
                    subsampling, colorspace));
        }

        int tjTransform(MemorySegment handle, MemorySegment jpeg, long size, int n, MemorySegment destinations,
                MemorySegment sizes, MemorySegment transforms, int flags) {
            return Downcalls.call(() -> (int) transform.invokeExact(handle, jpeg, size, n, destinations, sizes,
                    transforms, flags));
        }

        int tjDestroy(MemorySegment handle) {
            return Downcalls.call(() -> (int) destroy.invokeExact(handle));
        }

        int tjGetErrorCode(MemorySegment handle) {
            return Downcalls.call(() -> (int) getErrorCode.invokeExact(handle));
        }

        String errorMessage(MemorySegment handle) {
            MemorySegment message = Downcalls.call(() -> (MemorySegment) getErrorStr2.invokeExact(handle));
            if (message.equals(MemorySegment.NULL)) {
                return "unknown TurboJPEG error";
            }
            return message.reinterpret(ERROR_MESSAGE_CAPACITY).getString(0);
        }
    }
}
