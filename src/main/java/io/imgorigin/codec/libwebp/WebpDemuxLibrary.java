package io.imgorigin.codec.libwebp;

import java.util.List;

import io.imgorigin.codec.NativeLibrary;

/** libwebpdemux (1.x, {@code libwebpdemux2}): every frame of an animated WebP, composited. */
public final class WebpDemuxLibrary extends NativeLibrary<DemuxFunctions> {

    private static final WebpDemuxLibrary INSTANCE = new WebpDemuxLibrary(candidates("libwebpdemux.so.2"));

    WebpDemuxLibrary(List<String> candidates) {
        super("libwebpdemux", candidates, DemuxFunctions::bind, DemuxFunctions::version);
    }

    static WebpDemuxLibrary instance() {
        return INSTANCE;
    }

    /** Whether animated WebP can be decoded frame by frame. */
    public static boolean loaded() {
        return INSTANCE.available();
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public static String status() {
        return INSTANCE.describe();
    }
}
