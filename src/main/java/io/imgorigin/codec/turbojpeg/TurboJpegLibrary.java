package io.imgorigin.codec.turbojpeg;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import io.imgorigin.codec.NativeLibrary;

/**
 * libjpeg-turbo's TurboJPEG library (its 2.x API). Without it the JPEG codecs of this package stay out of
 * ImageIO.
 */
public final class TurboJpegLibrary extends NativeLibrary<TurboJpegLibrary.Bound> {

    /** How the JPEG codecs of this package name themselves (see {@link io.imgorigin.codec.NativeCodec}). */
    public static final String CODEC_NAME = "turbojpeg";

    /** libjpeg-turbo's own packages install it under /opt. */
    private static final TurboJpegLibrary INSTANCE =
            new TurboJpegLibrary(candidates("libturbojpeg.so.0", "/opt/libjpeg-turbo/lib64"));

    TurboJpegLibrary(List<String> candidates) {
        super("libturbojpeg", candidates, lookup -> {
            TurboJpegFunctions functions = TurboJpegFunctions.bind(lookup);
            return new Bound(functions, readScalingFactors(functions));
        }, bound -> "(TurboJPEG 2 API)");
    }



    /** The library as this process loaded it, or the reason it could not. */
    public static TurboJpegLibrary instance() {
        return INSTANCE;
    }

    /** What binding gives: the functions and the DCT scaling factors they report. */
    record Bound(TurboJpegFunctions functions, List<ScalingFactor> scalingFactors) {
    }

    TurboJpegFunctions functions() {
        return require().functions();
    }

    /** The library's DCT scaling factors, those that enlarge included. */
    List<ScalingFactor> scalingFactors() {
        return require().scalingFactors();
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
}
