package io.imgorigin.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds a shared library among candidate names and paths and binds its functions, for the codecs that
 * call native libraries, with what their bindings share: symbol lookup, the check that a C integer type
 * passed as a Java long is 64 bits, and unwrapping what a downcall throws. Libraries stay loaded for
 * the life of the process.
 */
public final class NativeLibraries {

    private NativeLibraries() {
    }

    /** The bound functions and the file they came from. */
    public record Bound<T>(T functions, String path) {
    }

    /**
     * What a codec's library class holds: the bound functions, or null and why they are not there.
     *
     * @param status one line for the startup log: where the library came from, or why it is not used
     */
    public record Loaded<T>(T functions, String status) {

        /**
         * Binds the first candidate that works (see {@link #bindFirst}); the status is {@code describe} of
         * what was bound, or, when nothing was, why each candidate failed.
         */
        public static <T> Loaded<T> first(List<String> candidates, String fileName, Function<SymbolLookup, T> binder,
                                          Function<Bound<T>, String> describe) {
            try {
                Bound<T> bound = bindFirst(candidates, fileName, binder);
                return new Loaded<>(bound.functions(), describe.apply(bound));
            } catch (IllegalStateException e) {
                return new Loaded<>(null, e.getMessage());
            }
        }

        public boolean available() {
            return functions != null;
        }

        /** The functions, or an exception naming {@code library} and why it is not loaded. */
        public T require(String library) {
            if (functions == null) {
                throw new IllegalStateException(library + " is " + status);
            }
            return functions;
        }
    }

    /**
     * Binds the first candidate that loads and has every symbol the binder asks for.
     *
     * @param fileName what the library's file name contains, to find the file the loader chose for a bare name
     * @throws IllegalStateException naming every candidate and why it failed, when none did
     */
    public static <T> Bound<T> bindFirst(List<String> candidates, String fileName, Function<SymbolLookup, T> binder) {
        List<String> failures = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                SymbolLookup lookup = SymbolLookup.libraryLookup(candidate, Arena.global());
                return new Bound<>(binder.apply(lookup), resolvedPath(candidate, fileName));
            } catch (RuntimeException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("unavailable: " + String.join("; ", failures));
    }

    /** Binds a library's symbols to method handles. */
    public record Binder(Linker linker, SymbolLookup lookup) {

        public MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            MemorySegment symbol = lookup.find(name)
                    .orElseThrow(() -> new UnsupportedOperationException("symbol " + name + " not found"));
            return linker.downcallHandle(symbol, descriptor, options);
        }
    }

    /**
     * Refuses a platform where the C type the bindings pass as a Java long is narrower.
     *
     * @param cType a name of {@link Linker#canonicalLayouts()}, such as "long" or "size_t"
     */
    public static void requireSixtyFourBits(Linker linker, String cType) {
        if (!ValueLayout.JAVA_LONG.equals(linker.canonicalLayouts().get(cType))) {
            throw new UnsupportedOperationException("C's " + cType + " is not 64 bits on this platform");
        }
    }

    /**
     * What {@code invokeExact} threw, as an unchecked exception: downcalls throw no checked exceptions, so
     * one here is a bug and is wrapped.
     */
    public static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("unexpected checked exception from a native call", e);
    }

    /** The file the dynamic loader chose for a bare library name, as the process's memory map shows it. */
    private static String resolvedPath(String candidate, String fileName) {
        if (candidate.startsWith("/")) {
            return candidate;
        }
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return candidate;
        }
        try (Stream<String> lines = Files.lines(maps)) {
            Optional<String> path = lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.contains("/" + fileName))
                    .findFirst();
            return path.orElse(candidate);
        } catch (IOException | UncheckedIOException e) {
            return candidate;
        }
    }
}
