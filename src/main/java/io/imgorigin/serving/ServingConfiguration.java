package io.imgorigin.serving;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.imgorigin.options.LimitsProperties;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.processing.pipeline.ImageInspector;
import io.imgorigin.processing.pipeline.ImageProcessor;
import io.imgorigin.serving.watermark.WatermarkStore;
import io.imgorigin.source.ImageSource;
import io.micrometer.core.instrument.MeterRegistry;

/** The request path between the controller and the pipeline: workers, metrics, the service. */
@Configuration(proxyBeanMethods = false)
public class ServingConfiguration {

    @Bean(destroyMethod = "close")
    CpuWorkers cpuWorkers(ProcessingProperties processing, MeterRegistry registry) {
        CpuWorkers workers = new CpuWorkers(processing.workerThreads(), processing.queue());
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
            ProcessingEngine engine, ServiceMetrics metrics, LimitsProperties limits, ProcessingProperties processing,
            WatermarkStore watermarks) {
        return new ImageService(source, processor, workers, new EntityTags(engine.version()), metrics,
                limits.maxSourceBytes().toBytes(), processing.timeout(), watermarks);
    }

    @Bean
    InfoService infoService(ImageSource source, ImageInspector inspector, CpuWorkers workers, ProcessingEngine engine,
            ServiceMetrics metrics, LimitsProperties limits, ProcessingProperties processing) {
        return new InfoService(source, inspector, workers, new EntityTags(engine.version()), metrics,
                limits.maxSourceBytes().toBytes(), processing.timeout());
    }
}
