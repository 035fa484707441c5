package io.imgorigin.codec.libdeflate;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;

import javax.imageio.IIOException;

import io.imgorigin.codec.NativeLibraries;

/**
 * libdeflate's whole-buffer zlib decompressor, loaded once per process on first use. It inflates a
 * PNG's image data three to four times as fast as zlib, which libspng uses; without it PNGs are decoded
 * by libspng alone, and {@link #status()} says why.
 */
public final class Libdeflate {

    static final List<String> CANDIDATES = List.of(
            "libdeflate.so.0",
            "/usr/lib/x86_64-linux-gnu/libdeflate.so.0",
            "/usr/lib/aarch64-linux-gnu/libdeflate.so.0",
            "/usr/lib64/libdeflate.so.0",
            "/usr/lib/libdeflate.so.0",
            "/usr/local/lib/libdeflate.so.0");

    private static final int LIBDEFLATE_SUCCESS = 0;

    private final NativeLibraries.Loaded<Functions> loaded;

    private Libdeflate(NativeLibraries.Loaded<Functions> loaded) {
        this.loaded = loaded;
    }

    /** Whether the native library was loaded and its functions bound. */
    public static boolean isAvailable() {
        return instance().available();
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public static String status() {
        return instance().describe();
    }

    public static Libdeflate instance() {
        return Holder.INSTANCE;
    }

    static Libdeflate load(List<String> candidates) {
        return new Libdeflate(NativeLibraries.Loaded.first(candidates, "libdeflate.so", Functions::bind,
                bound -> "libdeflate loaded from " + bound.path()));
    }

    public boolean available() {
        return loaded.available();
    }

    String describe() {
        return loaded.status();
    }

    /**
     * Inflates one zlib stream, checking its Adler-32, into exactly {@code out.length} bytes: a stream that
     * holds less or more is refused. Both arrays are passed to the library in place.
     */
    public void inflate(byte[] in, int offset, int length, byte[] out) throws IIOException {
        Functions functions = loaded.require("libdeflate");
        MemorySegment decompressor = functions.allocate();
        if (decompressor.equals(MemorySegment.NULL)) {
            throw new IIOException("libdeflate could not allocate a decompressor");
        }
        try {
            int result = functions.zlibDecompress(decompressor, MemorySegment.ofArray(in).asSlice(offset, length),
                    length, MemorySegment.ofArray(out), out.length);
            if (result != LIBDEFLATE_SUCCESS) {
                throw new IIOException("libdeflate cannot inflate the image data: " + describe(result));
            }
        } finally {
            functions.free(decompressor);
        }
    }

    private static String describe(int result) {
        return switch (result) {
            case 1 -> "the data is not valid zlib";
            case 2 -> "it holds fewer bytes than the image needs";
            case 3 -> "it holds more bytes than the image needs";
            default -> "libdeflate result " + result;
        };
    }

    /** C's {@code size_t} is passed as a Java long; the binder refuses platforms where it is not 64 bits. */
    private record Functions(MethodHandle alloc, MethodHandle free, MethodHandle zlibDecompress) {

        static Functions bind(SymbolLookup lookup) {
            Linker linker = Linker.nativeLinker();
            NativeLibraries.requireSixtyFourBits(linker, "size_t");
            var binder = new NativeLibraries.Binder(linker, lookup);
            // Decompression reads and writes Java arrays in place: it never calls back into Java, and the
            // collector waits while it runs (about 10 ms for a 1500 px RGBA image).
            return new Functions(
                    binder.bind("libdeflate_alloc_decompressor", FunctionDescriptor.of(ADDRESS)),
                    binder.bind("libdeflate_free_decompressor", FunctionDescriptor.ofVoid(ADDRESS)),
                    binder.bind("libdeflate_zlib_decompress",
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS),
                            Linker.Option.critical(true)));
        }

        MemorySegment allocate() {
            try {
                return (MemorySegment) alloc.invokeExact();
            } catch (Throwable e) {
                throw NativeLibraries.rethrow(e);
            }
        }

        void free(MemorySegment decompressor) {
            try {
                free.invokeExact(decompressor);
            } catch (Throwable e) {
                throw NativeLibraries.rethrow(e);
            }
        }

        /** With no place for the actual size, libdeflate insists on filling {@code outLength} exactly. */
        int zlibDecompress(MemorySegment decompressor, MemorySegment in, long inLength, MemorySegment out,
                long outLength) {
            try {
                return (int) zlibDecompress.invokeExact(decompressor, in, inLength, out, outLength,
                        MemorySegment.NULL);
            } catch (Throwable e) {
                throw NativeLibraries.rethrow(e);
            }
        }
    }

    private static final class Holder {
        static final Libdeflate INSTANCE = load(CANDIDATES);
    }
}
