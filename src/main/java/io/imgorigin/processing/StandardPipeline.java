package io.imgorigin.processing;

import java.util.List;

import io.imgorigin.processing.decode.ColorStep;
import io.imgorigin.processing.decode.DecodeStep;
import io.imgorigin.processing.decode.DefaultCmykProfile;
import io.imgorigin.processing.decode.HeaderReader;
import io.imgorigin.processing.decode.ProbeStep;
import io.imgorigin.processing.encode.EncodeStep;
import io.imgorigin.processing.encode.JpegEncoder;
import io.imgorigin.processing.encode.PngEncoder;
import io.imgorigin.processing.encode.WebpEncoder;
import io.imgorigin.processing.geometry.Geometry;
import io.imgorigin.processing.orient.OrientStep;
import io.imgorigin.processing.transform.CropPlacer;
import io.imgorigin.processing.transform.DetailFinder;
import io.imgorigin.processing.transform.FlattenStep;
import io.imgorigin.processing.transform.FormatStep;
import io.imgorigin.processing.transform.PadStep;
import io.imgorigin.processing.transform.ResizeStep;
import io.imgorigin.processing.transform.Resizer;

/**
 * The steps every request's original goes through, in order: probe the header (limits), admit by
 * memory, decode, convert to sRGB, orient, choose the format, resize or crop, pad, flatten, encode.
 */
public final class StandardPipeline {

    /** What the steps are configured with. */
    public record Settings(Geometry geometry, long maxSourcePixels, int maxFrames, MemoryBudget budget,
            boolean nativeCodecs) {
    }

    private StandardPipeline() {
    }

    public static ImagePipeline assemble(Settings settings, StageObserver observer) {
        boolean nativeCodecs = settings.nativeCodecs();
        return new ImagePipeline(List.of(
                new ProbeStep(new HeaderReader(), settings.geometry(), settings.maxSourcePixels(), settings.maxFrames()),
                new AdmitStep(settings.budget()),
                new DecodeStep(nativeCodecs),
                new ColorStep(new DefaultCmykProfile()),
                new OrientStep(),
                new FormatStep(),
                new ResizeStep(new Resizer(), new CropPlacer(new DetailFinder())),
                new PadStep(),
                new FlattenStep(),
                new EncodeStep(List.of(new JpegEncoder(nativeCodecs), new PngEncoder(), new WebpEncoder()))),
                observer);
    }
}
