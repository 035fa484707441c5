package io.imgorigin.codec.spng;

import java.util.List;

import io.imgorigin.codec.NativeLibraries;

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

    /** How the reader of this package names itself (see {@link io.imgorigin.codec.NativeCodec}). */
    public static final String CODEC_NAME = "spng";

    private final NativeLibraries.Loaded<SpngFunctions> loaded;

    private SpngLibrary(NativeLibraries.Loaded<SpngFunctions> loaded) {
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

    static SpngLibrary instance() {
        return Holder.INSTANCE;
    }

    static SpngLibrary load(List<String> candidates) {
        return new SpngLibrary(NativeLibraries.Loaded.first(candidates, "libspng.so", SpngFunctions::bind,
                bound -> "libspng " + bound.functions().version() + " loaded from " + bound.path()));
    }

    boolean available() {
        return loaded.available();
    }

    String describe() {
        return loaded.status();
    }

    SpngFunctions functions() {
        return loaded.require("libspng");
    }

    private static final class Holder {
        static final SpngLibrary INSTANCE = load(CANDIDATES);
    }
}
