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



    /** The library as this process loaded it, or the reason it could not. */
    public static SpngLibrary instance() {
        return INSTANCE;
    }
}
