package io.imgorigin.codec.libheif;

import java.util.List;

import io.imgorigin.codec.NativeLibrary;

/**
 * libheif (1.15 or later), with the decoders and encoders it was built with or finds as plugins. AVIF
 * needs an AV1 decoder (dav1d or libaom) to be read and libaom's encoder to be written; HEIC needs an HEVC
 * decoder (libde265). Without the library, its reader stays out of ImageIO and AVIF output is off.
 */
public final class HeifLibrary extends NativeLibrary<HeifFunctions> {

    /** How the reader of this package names itself (see {@link io.imgorigin.codec.NativeCodec}). */
    public static final String CODEC_NAME = "libheif";

    static final int COMPRESSION_HEVC = 1;
    static final int COMPRESSION_AV1 = 4;

    private static final HeifLibrary INSTANCE = new HeifLibrary(candidates("libheif.so.1"));

    HeifLibrary(List<String> candidates) {
        super("libheif", candidates, HeifFunctions::bind, HeifFunctions::version);
    }

    static HeifLibrary instance() {
        return INSTANCE;
    }

    /** One line for the startup log: where the library came from, or why it is not used. */
    public static String status() {
        return INSTANCE.describe();
    }

    /** Whether AVIF images can be decoded (libheif and an AV1 decoder). */
    public static boolean readsAvif() {
        return INSTANCE.available() && INSTANCE.require().haveDecoder(COMPRESSION_AV1);
    }

    /** Whether HEIC images can be decoded (libheif and an HEVC decoder). */
    public static boolean readsHeic() {
        return INSTANCE.available() && INSTANCE.require().haveDecoder(COMPRESSION_HEVC);
    }

    /** Whether AVIF can be written (libheif and an AV1 encoder). */
    public static boolean writesAvif() {
        return INSTANCE.available() && INSTANCE.require().haveEncoder(COMPRESSION_AV1);
    }
}
