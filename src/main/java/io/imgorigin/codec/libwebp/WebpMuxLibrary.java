package io.imgorigin.codec.libwebp;

import java.util.List;

import io.imgorigin.codec.NativeLibrary;

/** libwebpmux (1.x, {@code libwebpmux3}) with the libwebp it links: animated WebP encoding. */
public final class WebpMuxLibrary extends NativeLibrary<MuxFunctions> {

    private static final WebpMuxLibrary INSTANCE = new WebpMuxLibrary(candidates("libwebpmux.so.3"));

    WebpMuxLibrary(List<String> candidates) {
        super("libwebpmux", candidates, MuxFunctions::bind, MuxFunctions::version);
    }

    static WebpMuxLibrary instance() {
        return INSTANCE;
    }

    /** Whether animated WebP can be encoded. */
    public static boolean loaded() {
        return INSTANCE.available();
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public static String status() {
        return INSTANCE.describe();
    }
}
