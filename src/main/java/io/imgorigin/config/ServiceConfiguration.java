package io.imgorigin.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.ImageProcessor;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.VectorModule;
import io.imgorigin.processing.geometry.Geometry;
import io.imgorigin.processing.jpeg.TurboJpegLibrary;
import io.imgorigin.processing.png.Libdeflate;
import io.imgorigin.processing.png.SpngLibrary;
import io.imgorigin.processing.transform.ResizeWarmUp;
import io.imgorigin.processing.transform.Resizer;
import io.imgorigin.security.SignatureVerifier;
import io.imgorigin.serving.CpuWorkers;
import io.imgorigin.serving.EntityTags;
import io.imgorigin.serving.ImageService;
import io.imgorigin.serving.ServiceMetrics;
import io.imgorigin.source.ImageSource;
import io.micrometer.core.instrument.MeterRegistry;

/** Builds the request path's parts from {@link ImgoriginProperties}. */
@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceConfiguration.class);
    /** Enough for the JIT to compile every resizing loop (measured: 100 rounds, a first 12 MP resize of 64 ms). */
    private static final int WARM_UP_ROUNDS = 100;

    @Bean
    ProcessingEngine processingEngine(ImgoriginProperties properties) {
        ProcessingEngine engine = ProcessingEngine.detect(properties.processing().nativeCodecs());
        log.info("JPEG codec in use: {} (engine {}); PNG decoder in use: {}", engine.jpegPath(), engine.version(),
                engine.pngPath());
        if (properties.processing().nativeCodecs()) {
            logUnavailable("libturbojpeg", TurboJpegLibrary.isAvailable(), TurboJpegLibrary.status());
            logUnavailable("libspng", SpngLibrary.isAvailable(), SpngLibrary.status());
            if (SpngLibrary.isAvailable()) {
                logUnavailable("libdeflate (for libspng's faster whole-image path)", Libdeflate.isAvailable(),
                        Libdeflate.status());
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
     * readiness state turns to accepting traffic): with the vector module about 1.5 s of CPU at start,
     * instead of a first 12 MP request of a second. Before they are compiled the vector loops allocate
     * an object per operation; the collection afterwards gives that garbage back at once, so that the
     * heap does not start out grown by it (after two 12 MP requests, 154 instead of 262 MB committed).
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

    @Bean
    OptionsParser optionsParser(ImgoriginProperties properties) {
        return new OptionsParser(properties.limits().maxOutputDimension(), properties.format().defaultQuality());
    }

    @Bean
    Geometry geometry(ImgoriginProperties properties) {
        return new Geometry(properties.limits().maxOutputDimension());
    }

    @Bean
    SignatureVerifier signatureVerifier(ImgoriginProperties properties) {
        SignatureVerifier verifier = new SignatureVerifier(properties.security().activeKeys());
        log.info("URL signing is {}", verifier.enabled() ? "on" : "off");
        return verifier;
    }

    @Bean(destroyMethod = "close")
    CpuWorkers cpuWorkers(ImgoriginProperties properties, MeterRegistry registry) {
        int threads = properties.processing().threads() > 0
                ? properties.processing().threads()
                : Runtime.getRuntime().availableProcessors();
        CpuWorkers workers = new CpuWorkers(threads, properties.processing().queue());
        registry.gauge("imgorigin.admission.queue", workers, CpuWorkers::queued);
        registry.gauge("imgorigin.workers.busy", workers, CpuWorkers::running);
        return workers;
    }

    @Bean
    ServiceMetrics serviceMetrics(MeterRegistry registry) {
        return new ServiceMetrics(registry);
    }

    @Bean
    ImageService imageService(ImageSource source, ImageProcessor processor, CpuWorkers workers,
            ProcessingEngine engine, ServiceMetrics metrics, ImgoriginProperties properties) {
        return new ImageService(source, processor, workers, new EntityTags(engine.version()), metrics,
                properties.limits().maxSourceBytes().toBytes(), properties.processing().timeout());
    }
}
