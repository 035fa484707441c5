package io.imgorigin.codec.turbojpeg;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import io.imgorigin.codec.NativeLibraries;

/**
 * libjpeg-turbo's TurboJPEG library, loaded once per process on first use. When it cannot be loaded the
 * JPEG codecs of this package stay out of ImageIO and {@link #status()} says why.
 */
public final class TurboJpegLibrary {

    static final List<String> CANDIDATES = List.of(
            "libturbojpeg.so.0",
            "/usr/lib/x86_64-linux-gnu/libturbojpeg.so.0",
            "/usr/lib/aarch64-linux-gnu/libturbojpeg.so.0",
            "/usr/lib64/libturbojpeg.so.0",
            "/usr/lib/libturbojpeg.so.0",
            "/usr/local/lib/libturbojpeg.so.0",
            "/opt/libjpeg-turbo/lib64/libturbojpeg.so.0");

    /** How the JPEG codecs of this package name themselves (see {@link io.imgorigin.codec.NativeCodec}). */
    public static final String CODEC_NAME = "turbojpeg";

    private final NativeLibraries.Loaded<Bindings> loaded;

    private TurboJpegLibrary(NativeLibraries.Loaded<Bindings> loaded) {
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

    static TurboJpegLibrary instance() {
        return Holder.INSTANCE;
    }

    static TurboJpegLibrary load(List<String> candidates) {
        return new TurboJpegLibrary(NativeLibraries.Loaded.first(candidates, "libturbojpeg.so", lookup -> {
            TurboJpegFunctions functions = TurboJpegFunctions.bind(lookup);
            return new Bindings(functions, readScalingFactors(functions));
        }, bound -> "libturbojpeg (TurboJPEG 2 API) loaded from " + bound.path()));
    }

    /** What loading binds: the functions and the scaling factors they report. */
    private record Bindings(TurboJpegFunctions functions, List<ScalingFactor> scalingFactors) {
    }

    boolean available() {
        return loaded.available();
    }

    String describe() {
        return loaded.status();
    }

    TurboJpegFunctions functions() {
        return loaded.require("libturbojpeg").functions();
    }

    /** The library's DCT scaling factors, those that enlarge included. */
    List<ScalingFactor> scalingFactors() {
        return loaded.available() ? loaded.functions().scalingFactors() : List.of();
    }

    private static List<ScalingFactor> readScalingFactors(TurboJpegFunctions functions) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment count = arena.allocate(JAVA_INT);
            MemorySegment array = functions.tjGetScalingFactors(count);
            if (array.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("tjGetScalingFactors: " + functions.errorMessage(MemorySegment.NULL));
            }
            int n = count.get(JAVA_INT, 0);
            MemorySegment pairs = array.reinterpret(2L * n * JAVA_INT.byteSize());
            List<ScalingFactor> factors = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                factors.add(new ScalingFactor(pairs.getAtIndex(JAVA_INT, 2L * i), pairs.getAtIndex(JAVA_INT, 2L * i + 1)));
            }
            return List.copyOf(factors);
        }
    }

    private static final class Holder {
        static final TurboJpegLibrary INSTANCE = load(CANDIDATES);
    }
}
