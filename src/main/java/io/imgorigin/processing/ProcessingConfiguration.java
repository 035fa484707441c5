package io.imgorigin.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.imgorigin.codec.VectorModule;
import io.imgorigin.codec.libdeflate.Libdeflate;
import io.imgorigin.codec.spng.SpngLibrary;
import io.imgorigin.codec.turbojpeg.TurboJpegLibrary;
import io.imgorigin.codec.libheif.HeifLibrary;
import io.imgorigin.codec.libjxl.JxlLibrary;
import io.imgorigin.options.AutoFormatSettings;
import io.imgorigin.options.FormatProperties;
import io.imgorigin.options.LimitsProperties;
import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.processing.encode.AvifEncoder;
import io.imgorigin.processing.format.OutputFormats;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.pipeline.ImageDecoder;
import io.imgorigin.processing.pipeline.ImageInspector;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.processing.resize.ResizeWarmUp;
import io.imgorigin.processing.resize.Resizer;
import io.imgorigin.processing.watermark.WatermarkStep;

/** The pipeline, the memory budget its admission step draws on, and the codecs it runs with. */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProcessingConfiguration.class);
    /** Enough rounds for the JIT to compile every resizing loop. */
    private static final int WARM_UP_ROUNDS = 100;

    @Bean
    MemoryBudget memoryBudget(ProcessingProperties processing) {
        return new MemoryBudget(processing.memoryBudgetBytes(), processing.memoryWait());
    }

    @Bean
    Geometry geometry(LimitsProperties limits) {
        return new Geometry(limits.maxOutputDimension());
    }

    @Bean
    AnimationCodecs animationCodecs(ProcessingProperties processing) {
        StandardAnimationCodecs codecs = StandardAnimationCodecs.detect(processing.nativeCodecs());
        log.info("Animation: GIF{} frames kept; animated WebP output {}", codecs.readsWebp() ? " and WebP" : "",
                codecs.writesWebp() ? "on" : "off");
        if (processing.nativeCodecs() && !(codecs.readsWebp() && codecs.writesWebp())) {
            log.info("Animated WebP is not fully available: {}", StandardAnimationCodecs.status());
        }
        return codecs;
    }

    @Bean
    OutputFormats outputFormats(ProcessingProperties processing, FormatProperties format, AnimationCodecs animation) {
        boolean avif = processing.nativeCodecs() && AvifEncoder.available();
        OutputFormats formats = new OutputFormats(avif, animation.writes(OutputFormat.GIF),
                AutoFormatSettings.parse(format.auto()));
        log.info("Formats read: JPEG, PNG, WebP, GIF, BMP, TIFF, PSD, ICO, SVG{}{}{}; written: JPEG, PNG, WebP{}{}; f=auto chooses {}",
                processing.nativeCodecs() && HeifLibrary.readsAvif() ? ", AVIF" : "",
                processing.nativeCodecs() && HeifLibrary.readsHeic() ? ", HEIC" : "",
                processing.nativeCodecs() && JxlLibrary.readsJxl() ? ", JPEG XL" : "",
                avif ? ", AVIF (speed " + format.avif().speed() + ")" : "",
                formats.writes(OutputFormat.GIF) ? ", GIF" : "",
                formats.auto().isEmpty() ? "PNG or JPEG only" : formats.auto() + " when accepted, else PNG or JPEG");
        if (processing.nativeCodecs() && !HeifLibrary.readsAvif()) {
            log.info("AVIF and HEIC are not read: {}", HeifLibrary.status());
        }
        if (processing.nativeCodecs() && !JxlLibrary.readsJxl()) {
            log.info("JPEG XL is not read: {}", JxlLibrary.status());
        }
        return formats;
    }

    @Bean
    ImagePipeline imagePipeline(StandardPipeline.Settings settings, StageObserver observer) {
        return StandardPipeline.assemble(settings, observer);
    }

    @Bean
    ImageInspector imageInspector(StandardPipeline.Settings settings, StageObserver observer) {
        return StandardPipeline.inspector(settings, observer);
    }

    /** Decodes the configured watermark, at most {@link WatermarkStep#MAX_PIXELS} of it. */
    @Bean
    ImageDecoder watermarkDecoder(StandardPipeline.Settings settings, StageObserver observer) {
        return StandardPipeline.decoder(settings, WatermarkStep.MAX_PIXELS, observer);
    }

    /** What the image pipeline, the info pipeline and the watermark decoder are built with. */
    @Bean
    StandardPipeline.Settings pipelineSettings(ProcessingProperties processing, LimitsProperties limits,
            FormatProperties format, Geometry geometry, MemoryBudget budget, OutputFormats outputFormats,
            AnimationCodecs animation) {
        return new StandardPipeline.Settings(geometry, limits.maxSourcePixels(), limits.maxFrames(), budget,
                processing.nativeCodecs(), outputFormats, format.avif().speed(), format.quality().avif(),
                limits.maxAnimationPixels(), animation);
    }

    @Bean
    ProcessingEngine processingEngine(ProcessingProperties processing) {
        ProcessingEngine engine = ProcessingEngine.detect(processing.nativeCodecs());
        log.info("JPEG codec in use: {} (engine {}); PNG decoder in use: {}", engine.jpegPath(), engine.version(),
                engine.pngPath());
        if (processing.nativeCodecs()) {
            logUnavailable("libturbojpeg", TurboJpegLibrary.instance().available(), TurboJpegLibrary.instance().describe());
            logUnavailable("libspng", SpngLibrary.instance().available(), SpngLibrary.instance().describe());
            if (SpngLibrary.instance().available()) {
                logUnavailable("libdeflate (for libspng's faster whole-image path)", Libdeflate.instance().available(),
                        Libdeflate.instance().describe());
            }
        }
        log.info(VectorModule.PRESENT ? "Vector API in use for PNG unfiltering, 2x2 block averaging and Lanczos3 resampling"
                : "Vector API not in use (start the JVM with --add-modules=jdk.incubator.vector): scalar loops");
        HeapSizing heap = HeapSizing.current();
        if (heap.canShrink()) {
            log.warn("{}", heap.advice());
        }
        return engine;
    }

    /**
     * Compiles the resizing loops before the service reports itself ready (runners finish before the
     * readiness state turns to accepting traffic); until then the vector loops allocate an object per
     * operation, and the collection afterwards gives that garbage back at once.
     */
    @Bean
    ApplicationRunner resizeWarmUp() {
        return arguments -> {
            long start = System.nanoTime();
            new ResizeWarmUp(new Resizer()).run(WARM_UP_ROUNDS);
            System.gc();
            log.info("Resizing loops warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        };
    }

    private static void logUnavailable(String library, boolean available, String status) {
        if (!available) {
            log.info("{} is not used: {}", library, status);
        }
    }
}
