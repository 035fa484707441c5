package io.imgorigin.processing.png;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * libspng, loaded once per process on first use. When it cannot be loaded the PNG reader of this
 * package stays out of ImageIO and {@link #status()} says why.
 */
public final class SpngLibrary {

    static final List<String> CANDIDATES = List.of(
            "libspng.so.0",
            "/usr/lib/x86_64-linux-gnu/libspng.so.0",
            "/usr/lib/aarch64-linux-gnu/libspng.so.0",
            "/usr/lib64/libspng.so.0",
            "/usr/lib/libspng.so.0",
            "/usr/local/lib/libspng.so.0");

    /** How the reader of this package names itself (see {@link io.imgorigin.processing.NativeCodec}). */
    public static final String CODEC_NAME = "spng";

    private final SpngFunctions functions;
    private final String status;

    private SpngLibrary(SpngFunctions functions, String status) {
        this.functions = functions;
        this.status = status;
    }

    /** Whether the native library was loaded and its functions bound. */
    public static boolean isAvailable() {
        return instance().available();
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public static String status() {
        return instance().describe();
    }

    static SpngLibrary instance() {
        return Holder.INSTANCE;
    }

    static SpngLibrary load(List<String> candidates) {
        List<String> failures = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                SymbolLookup lookup = SymbolLookup.libraryLookup(candidate, Arena.global());
                SpngFunctions functions = SpngFunctions.bind(lookup);
                return new SpngLibrary(functions,
                        "libspng " + functions.version() + " loaded from " + resolvedPath(candidate));
            } catch (RuntimeException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        return new SpngLibrary(null, "unavailable: " + String.join("; ", failures));
    }

    boolean available() {
        return functions != null;
    }

    String describe() {
        return status;
    }

    SpngFunctions functions() {
        if (functions == null) {
            throw new IllegalStateException("libspng is " + status);
        }
        return functions;
    }

    /** The file the dynamic loader chose for a bare library name, as the process's memory map shows it. */
    private static String resolvedPath(String candidate) {
        if (candidate.startsWith("/")) {
            return candidate;
        }
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return candidate;
        }
        try (Stream<String> lines = Files.lines(maps)) {
            Optional<String> path = lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.contains("/libspng.so"))
                    .findFirst();
            return path.orElse(candidate);
        } catch (IOException | UncheckedIOException e) {
            return candidate;
        }
    }

    private static final class Holder {
        static final SpngLibrary INSTANCE = load(CANDIDATES);
    }
}
