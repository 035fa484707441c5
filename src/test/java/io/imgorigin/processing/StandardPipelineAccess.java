package io.imgorigin.processing;

import java.awt.image.BufferedImage;
import java.time.Duration;

import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImageDecoder;
import io.imgorigin.processing.pipeline.ImageInfo;
import io.imgorigin.processing.pipeline.ImageInspector;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;

/** The service's inspector and full decoder, as configured by default, for tests in other packages. */
public final class StandardPipelineAccess {

    private static final StandardPipeline.Settings SETTINGS = new StandardPipeline.Settings(new Geometry(8192),
            50_000_000, 1000, new MemoryBudget(1L << 30, Duration.ofSeconds(1)), true);
    private static final ImageInspector INSPECTOR = StandardPipeline.inspector(SETTINGS, StageObserver.NONE);
    private static final ImageDecoder DECODER = StandardPipeline.decoder(SETTINGS, 50_000_000, StageObserver.NONE);

    private StandardPipelineAccess() {
    }

    public static ImageInfo inspect(byte[] bytes) {
        return INSPECTOR.inspect(bytes, Deadline.after(Duration.ofMinutes(1)));
    }

    /** The whole image, first frame, upright sRGB ARGB. */
    public static BufferedImage decodeUpright(byte[] bytes) {
        return DECODER.decode(bytes, Deadline.after(Duration.ofMinutes(1)));
    }
}
