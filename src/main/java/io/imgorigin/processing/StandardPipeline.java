package io.imgorigin.processing;

import java.util.List;

import io.imgorigin.processing.admit.AdmitStep;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.color.ColorStep;
import io.imgorigin.processing.color.DefaultCmykProfile;
import io.imgorigin.processing.decode.DecodeStep;
import io.imgorigin.processing.encode.AvifEncoder;
import io.imgorigin.processing.encode.EncodeStep;
import io.imgorigin.processing.encode.JpegEncoder;
import io.imgorigin.processing.encode.PngEncoder;
import io.imgorigin.processing.encode.WebpEncoder;
import io.imgorigin.processing.flatten.FlattenStep;
import io.imgorigin.processing.format.FormatStep;
import io.imgorigin.processing.format.OutputFormats;
import io.imgorigin.processing.orient.OrientStep;
import io.imgorigin.processing.pad.PadStep;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.processing.probe.HeaderReader;
import io.imgorigin.processing.probe.ProbeStep;
import io.imgorigin.processing.resize.CropPlacer;
import io.imgorigin.processing.resize.DetailFinder;
import io.imgorigin.processing.resize.ResizeStep;
import io.imgorigin.processing.resize.Resizer;

/** The steps every request's original goes through, in the order of the list below. */
public final class StandardPipeline {

    /** What the steps are configured with. */
    public record Settings(Geometry geometry, long maxSourcePixels, int maxFrames, MemoryBudget budget,
            boolean nativeCodecs, OutputFormats outputFormats, int avifSpeed, int avifQuality) {

        public Settings(Geometry geometry, long maxSourcePixels, int maxFrames, MemoryBudget budget,
                boolean nativeCodecs) {
            this(geometry, maxSourcePixels, maxFrames, budget, nativeCodecs, OutputFormats.all(), 8, 55);
        }
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
                new FormatStep(settings.outputFormats()),
                new ResizeStep(new Resizer(), new CropPlacer(new DetailFinder())),
                new PadStep(),
                new FlattenStep(),
                new EncodeStep(List.of(new JpegEncoder(nativeCodecs), new PngEncoder(), new WebpEncoder(),
                        new AvifEncoder(settings.avifSpeed(), settings.avifQuality())))),
                observer);
    }
}
