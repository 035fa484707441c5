package io.imgorigin.codec.libjxl;

import java.util.List;

import io.imgorigin.codec.NativeLibrary;

/**
 * libjxl 0.7 (Debian/Ubuntu {@code libjxl0.7}), whose decoder reads JPEG XL. Without it, its reader stays out
 * of ImageIO and JPEG XL sources are refused as unsupported (415).
 */
public final class JxlLibrary extends NativeLibrary<JxlFunctions> {

    /** How the reader of this package names itself (see {@link io.imgorigin.codec.NativeCodec}). */
    public static final String CODEC_NAME = "libjxl";

    private static final JxlLibrary INSTANCE = new JxlLibrary(candidates("libjxl.so.0.7"));

    JxlLibrary(List<String> candidates) {
        super("libjxl", candidates, JxlFunctions::bind, JxlFunctions::versionText);
    }

    static JxlLibrary instance() {
        return INSTANCE;
    }

    /** Whether JPEG XL can be decoded. */
    public static boolean readsJxl() {
        return INSTANCE.available();
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public static String status() {
        return INSTANCE.describe();
    }
}
