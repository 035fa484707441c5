package io.imgorigin.processing;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.imgorigin.options.Fit;
import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.admit.AdmitStep;
import io.imgorigin.processing.animate.AnimateStep;
import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.processing.animate.StillOnly;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.color.ColorStep;
import io.imgorigin.processing.color.DefaultCmykProfile;
import io.imgorigin.processing.decode.DecodeStep;
import io.imgorigin.processing.edits.CropStep;
import io.imgorigin.processing.edits.FlipStep;
import io.imgorigin.processing.edits.RotateStep;
import io.imgorigin.processing.edits.TrimStep;
import io.imgorigin.processing.encode.AvifEncoder;
import io.imgorigin.processing.encode.EncodeStep;
import io.imgorigin.processing.encode.GifEncoder;
import io.imgorigin.processing.encode.JpegEncoder;
import io.imgorigin.processing.encode.PngEncoder;
import io.imgorigin.processing.encode.WebpEncoder;
import io.imgorigin.processing.filter.BlurStep;
import io.imgorigin.processing.filter.GaussianBlur;
import io.imgorigin.processing.filter.SharpenStep;
import io.imgorigin.processing.filter.UnsharpMask;
import io.imgorigin.processing.flatten.FlattenStep;
import io.imgorigin.processing.format.FormatStep;
import io.imgorigin.processing.format.OutputFormats;
import io.imgorigin.processing.info.ColoursStep;
import io.imgorigin.processing.info.DcDecodeStep;
import io.imgorigin.processing.info.DescribeStep;
import io.imgorigin.processing.info.PreviewDecodeStep;
import io.imgorigin.processing.orient.OrientStep;
import io.imgorigin.processing.pad.PadStep;
import io.imgorigin.processing.pipeline.ImageDecoder;
import io.imgorigin.processing.pipeline.ImageInspector;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.processing.probe.HeaderReader;
import io.imgorigin.processing.probe.ProbeStep;
import io.imgorigin.processing.resize.CropPlacer;
import io.imgorigin.processing.resize.DetailFinder;
import io.imgorigin.processing.resize.ResizeStep;
import io.imgorigin.processing.resize.Resizer;
import io.imgorigin.processing.watermark.WatermarkStep;

/** The steps every request's original goes through, in the order of the list below. */
public final class StandardPipeline {

    /** What the steps are configured with. */
    public record Settings(Geometry geometry, long maxSourcePixels, int maxFrames, MemoryBudget budget,
            boolean nativeCodecs, OutputFormats outputFormats, int avifSpeed, int avifQuality,
            long maxAnimationPixels, AnimationCodecs animationCodecs) {

        public Settings(Geometry geometry, long maxSourcePixels, int maxFrames, MemoryBudget budget,
                boolean nativeCodecs, OutputFormats outputFormats, int avifSpeed, int avifQuality) {
            this(geometry, maxSourcePixels, maxFrames, budget, nativeCodecs, outputFormats, avifSpeed, avifQuality,
                    DEFAULT_MAX_ANIMATION_PIXELS, StandardAnimationCodecs.detect(nativeCodecs));
        }

        public Settings(Geometry geometry, long maxSourcePixels, int maxFrames, MemoryBudget budget,
                boolean nativeCodecs) {
            this(geometry, maxSourcePixels, maxFrames, budget, nativeCodecs, OutputFormats.all(), 8, 55);
        }
    }

    static final long DEFAULT_MAX_ANIMATION_PIXELS = 200_000_000L;

    /**
     * The plan of an info request's decode: fit in 32×32, never enlarged. Shrink-on-load keeps at least
     * twice that, so the colours come from 64 px or more a side.
     */
    static final ImageOptions INFO_DECODE = new ImageOptions(32, 32, FormatRequest.ORIGINAL, 80, Fit.INSIDE,
            Gravity.CENTER, BigDecimal.ONE, Rgba.WHITE, false);

    private StandardPipeline() {
    }

    /**
     * The steps applied to decoded, upright pixels, in SPEC order (trim, crop, rot, flip, resize with fit and g,
     * blur, sharpen, contain padding and pad, wm, flatten): a still image goes through them once, every frame of
     * an animation through a list of its own (see {@link AnimateStep}), whose trim is decided on the first frame.
     */
    static List<ProcessingStep> pixelSteps(TrimStep trim, Resizer resizer, CropPlacer placer) {
        return List.of(
                trim,
                new CropStep(),
                new RotateStep(),
                new FlipStep(),
                new ResizeStep(resizer, placer),
                new BlurStep(new GaussianBlur()),
                new SharpenStep(new UnsharpMask()),
                new PadStep(),
                new WatermarkStep(resizer),
                new FlattenStep());
    }

    public static ImagePipeline assemble(Settings settings, StageObserver observer) {
        boolean nativeCodecs = settings.nativeCodecs();
        AnimationCodecs animation = settings.animationCodecs();
        Resizer resizer = new Resizer();
        DetailFinder finder = new DetailFinder();
        List<ProcessingStep> steps = new ArrayList<>(List.of(
                probe(settings, settings.maxSourcePixels()),
                new AdmitStep(settings.budget(), animation),
                new AnimateStep(animation, placer -> frameSteps(settings.geometry(), resizer, placer), finder)));
        List<ProcessingStep> still = new ArrayList<>(List.of(
                new DecodeStep(nativeCodecs),
                new ColorStep(new DefaultCmykProfile()),
                new OrientStep(),
                new FormatStep(settings.outputFormats(), animation)));
        still.addAll(pixelSteps(new TrimStep(settings.geometry()), resizer, new CropPlacer(finder)));
        still.forEach(step -> steps.add(new StillOnly(step)));
        steps.add(new EncodeStep(List.of(new JpegEncoder(nativeCodecs), new PngEncoder(), new WebpEncoder(),
                new AvifEncoder(settings.avifSpeed(), settings.avifQuality()), new GifEncoder(animation))));
        return new ImagePipeline(steps, observer);
    }

    /** A frame comes composited in sRGB from its reader; orientation (a WebP's EXIF) is applied to each. */
    private static List<ProcessingStep> frameSteps(Geometry geometry, Resizer resizer, CropPlacer placer) {
        List<ProcessingStep> steps = new ArrayList<>();
        steps.add(new OrientStep());
        steps.addAll(pixelSteps(TrimStep.forFrames(geometry), resizer, placer));
        return steps;
    }

    private static ProbeStep probe(Settings settings, long maxPixels) {
        return new ProbeStep(new HeaderReader(), settings.geometry(), maxPixels, settings.maxFrames(),
                settings.maxAnimationPixels());
    }


    /**
     * {@code info=true}: the probe with the image limits, what it read, then a small decode (an embedded JPEG
     * preview where there is one), upright, for the colours; no resize, nothing encoded.
     */
    public static ImageInspector inspector(Settings settings, StageObserver observer) {
        ImagePipeline pipeline = new ImagePipeline(List.of(
                probe(settings, settings.maxSourcePixels()),
                new DescribeStep(),
                new AdmitStep(settings.budget()),
                new PreviewDecodeStep(new DecodeStep(settings.nativeCodecs()),
                        new DcDecodeStep(new DecodeStep(settings.nativeCodecs()), settings.maxSourcePixels()),
                        new ColorStep(new DefaultCmykProfile()), settings.geometry()),
                new OrientStep(),
                new ColoursStep()),
                observer);
        return (source, deadline) -> pipeline.run(source, new ProcessingRequest(INFO_DECODE, false, deadline),
                ProcessingContext::info);
    }

    /**
     * A whole image as the front of the pipeline makes it (first frame, upright, sRGB), as TYPE_INT_ARGB;
     * {@code maxPixels} takes the place of max-source-pixels.
     */
    public static ImageDecoder decoder(Settings settings, long maxPixels, StageObserver observer) {
        ImagePipeline pipeline = new ImagePipeline(List.of(
                probe(settings, maxPixels),
                new AdmitStep(settings.budget()),
                new DecodeStep(settings.nativeCodecs()),
                new ColorStep(new DefaultCmykProfile()),
                new OrientStep()),
                observer);
        return (source, deadline) -> pipeline.run(source,
                new ProcessingRequest(ImageOptions.original(), false, deadline), context -> argb(context.image()));
    }

    private static BufferedImage argb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            converted.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return converted;
    }
}
