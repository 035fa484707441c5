package io.imgorigin.codec.spng;

import java.util.List;

import io.imgorigin.codec.NativeLibrary;

/** libspng. Without it the PNG reader of this package stays out of ImageIO. */
public final class SpngLibrary extends NativeLibrary<SpngFunctions> {

    /** How the reader of this package names itself (see {@link io.imgorigin.codec.NativeCodec}). */
    public static final String CODEC_NAME = "spng";

    private static final SpngLibrary INSTANCE = new SpngLibrary(candidates("libspng.so.0"));

    SpngLibrary(List<String> candidates) {
        super("libspng", candidates, SpngFunctions::bind, SpngFunctions::version);
    }

    /** Whether the native library was loaded and its functions bound. */
    public static boolean isAvailable() {
        return INSTANCE.available();
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public static String status() {
        return INSTANCE.describe();
    }

    static SpngLibrary instance() {
        return INSTANCE;
    }
}
