package io.imgorigin.codec.libdeflate;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;

import javax.imageio.IIOException;

import io.imgorigin.codec.Downcalls;
import io.imgorigin.codec.NativeLibrary;

/**
 * libdeflate's whole-buffer zlib decompressor, which inflates a PNG's image data several times as fast
 * as zlib, the inflater libspng uses. Without it PNGs are decoded by libspng alone.
 */
public final class Libdeflate extends NativeLibrary<Libdeflate.Functions> {

    private static final int LIBDEFLATE_SUCCESS = 0;

    private static final Libdeflate INSTANCE = new Libdeflate(candidates("libdeflate.so.0"));

    Libdeflate(List<String> candidates) {
        super("libdeflate", candidates, Functions::bind, functions -> "");
    }



    /** The library as this process loaded it, or the reason it could not. */
    public static Libdeflate instance() {
        return INSTANCE;
    }

    /**
     * Inflates one zlib stream, checking its Adler-32, into exactly {@code out.length} bytes: a stream that
     * holds less or more is refused. Both arrays are passed to the library in place.
     */
    public void inflate(byte[] in, int offset, int length, byte[] out) throws IIOException {
        Functions functions = require();
        MemorySegment decompressor = functions.allocate();
        if (decompressor.equals(MemorySegment.NULL)) {
            throw new IIOException("libdeflate could not allocate a decompressor");
        }
        try {
            int result = functions.zlibDecompress(decompressor, MemorySegment.ofArray(in).asSlice(offset, length),
                    length, MemorySegment.ofArray(out), out.length);
            if (result != LIBDEFLATE_SUCCESS) {
                throw new IIOException("libdeflate cannot inflate the image data: " + reason(result));
            }
        } finally {
            functions.free(decompressor);
        }
    }

    private static String reason(int result) {
        return switch (result) {
            case 1 -> "the data is not valid zlib";
            case 2 -> "it holds fewer bytes than the image needs";
            case 3 -> "it holds more bytes than the image needs";
            default -> "libdeflate result " + result;
        };
    }

    /** C's {@code size_t} is passed as a Java long. */
    record Functions(MethodHandle alloc, MethodHandle free, MethodHandle zlibDecompress) {

        static Functions bind(SymbolLookup lookup) {
            var binder = Downcalls.binder(lookup, "size_t");
            return new Functions(
                    binder.bind("libdeflate_alloc_decompressor", FunctionDescriptor.of(ADDRESS)),
                    binder.bind("libdeflate_free_decompressor", FunctionDescriptor.ofVoid(ADDRESS)),
                    binder.bindWithHeapAccess("libdeflate_zlib_decompress",
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS)));
        }

        MemorySegment allocate() {
            return Downcalls.call(() -> (MemorySegment) alloc.invokeExact());
        }

        void free(MemorySegment decompressor) {
            Downcalls.call(() -> {
                free.invokeExact(decompressor);
            });
        }

        /** With no place for the actual size, libdeflate insists on filling {@code outLength} exactly. */
        int zlibDecompress(MemorySegment decompressor, MemorySegment in, long inLength, MemorySegment out,
                long outLength) {
            return Downcalls.call(() -> (int) zlibDecompress.invokeExact(decompressor, in, inLength, out, outLength,
                    MemorySegment.NULL));
        }
    }
}
