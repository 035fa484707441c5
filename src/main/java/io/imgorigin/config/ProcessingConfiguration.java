package io.imgorigin.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.imgorigin.processing.AdmitStep;
import io.imgorigin.processing.ImagePipeline;
import io.imgorigin.processing.MemoryBudget;
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
import io.imgorigin.serving.ServiceMetrics;

/** Assembles the processing pipeline: the ordered steps an original goes through. */
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
        boolean nativeCodecs = properties.processing().nativeCodecs();
        return new ImagePipeline(List.of(
                new ProbeStep(new HeaderReader(), geometry, limits.maxSourcePixels(), limits.maxFrames()),
                new AdmitStep(budget),
                new DecodeStep(nativeCodecs),
                new ColorStep(new DefaultCmykProfile()),
                new OrientStep(),
                new FormatStep(),
                new ResizeStep(new Resizer(), new CropPlacer(new DetailFinder())),
                new PadStep(),
                new FlattenStep(),
                new EncodeStep(List.of(new JpegEncoder(nativeCodecs), new PngEncoder(), new WebpEncoder()))),
                metrics);
    }
}
