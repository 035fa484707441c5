package io.imgorigin.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.imgorigin.processing.ImagePipeline;
import io.imgorigin.processing.MemoryBudget;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.geometry.Geometry;
import io.imgorigin.serving.ServiceMetrics;

/** The processing pipeline and the memory budget its admission step draws on. */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    MemoryBudget memoryBudget(ImgoriginProperties properties) {
        ImgoriginProperties.Processing processing = properties.processing();
        long capacity = processing.memoryBudget() != null
                ? processing.memoryBudget().toBytes()
                : Runtime.getRuntime().maxMemory() / 2;
        return new MemoryBudget(capacity, processing.queueWait());
    }

    @Bean
    ImagePipeline imagePipeline(ImgoriginProperties properties, Geometry geometry, MemoryBudget budget,
            ServiceMetrics metrics) {
        ImgoriginProperties.Limits limits = properties.limits();
        return StandardPipeline.assemble(new StandardPipeline.Settings(geometry, limits.maxSourcePixels(),
                limits.maxFrames(), budget, properties.processing().nativeCodecs()), metrics);
    }
}
