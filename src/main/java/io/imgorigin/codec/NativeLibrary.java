package io.imgorigin.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A shared library a codec calls, with its functions bound, or why it could not be. A binding extends
 * this with what is its own (file name, functions, version) and keeps its one instance in a static final
 * field, so the library is loaded once, when that class is first used, and stays loaded for the life of
 * the process. Where it cannot be loaded, its codec stays out and {@link #describe()} says why.
 *
 * @param <T> the bound functions
 */
public abstract class NativeLibrary<T> {

    /** Where distributions put shared libraries, tried after the dynamic loader's own search. */
    private static final List<String> DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64",
            "/usr/lib",
            "/usr/local/lib");

    private final String name;
    private final Loaded<T> loaded;

    /**
     * Binds the first candidate that loads and has every symbol {@code binder} asks for.
     *
     * @param name how file names of the library start, for example "libspng"
     * @param version what the status says of the bound library after its name, or "" for nothing
     */
    protected NativeLibrary(String name, List<String> candidates, Function<SymbolLookup, T> binder,
            Function<T, String> version) {
        this.name = name;
        this.loaded = load(name, candidates, binder, version);
    }

    /**
     * The bare file name first, for the dynamic loader's own search (LD_LIBRARY_PATH, its cache), then
     * the file in each usual directory, then in {@code moreDirectories}.
     */
    protected static List<String> candidates(String fileName, String... moreDirectories) {
        Stream<String> directories = Stream.concat(DIRECTORIES.stream(), Stream.of(moreDirectories));
        return Stream.concat(Stream.of(fileName), directories.map(directory -> directory + "/" + fileName)).toList();
    }

    /** Whether the library was loaded and its functions bound. */
    public final boolean available() {
        return loaded.functions() != null;
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public final String describe() {
        return loaded.status();
    }

    /** The bound functions, or an IllegalStateException naming the library and why it is not loaded. */
    public final T require() {
        if (loaded.functions() == null) {
            throw new IllegalStateException(name + " is " + loaded.status());
        }
        return loaded.functions();
    }

    /** The functions, or null and why each candidate failed. */
    private record Loaded<T>(T functions, String status) {
    }

    private static <T> Loaded<T> load(String name, List<String> candidates, Function<SymbolLookup, T> binder,
            Function<T, String> version) {
        List<String> failures = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                T functions = binder.apply(SymbolLookup.libraryLookup(candidate, Arena.global()));
                String detail = version.apply(functions);
                return new Loaded<>(functions, name + (detail.isEmpty() ? "" : " " + detail) + " loaded from "
                        + resolvedPath(candidate, name + ".so"));
            } catch (RuntimeException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        return new Loaded<>(null, "unavailable: " + String.join("; ", failures));
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
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.contains("/" + fileName))
                    .findFirst()
                    .orElse(candidate);
        } catch (IOException | UncheckedIOException e) {
            return candidate;
        }
    }
}
