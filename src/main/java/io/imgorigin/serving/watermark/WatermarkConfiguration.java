package io.imgorigin.serving.watermark;

import java.util.List;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.imgorigin.options.InvalidPresetException;
import io.imgorigin.options.LimitsProperties;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.ProcessingProperties;
import io.imgorigin.processing.pipeline.ImageDecoder;
import io.imgorigin.source.ImageSource;

/** The watermark {@code wm} draws, read from the configured source at start and kept current. */
@Configuration(proxyBeanMethods = false)
public class WatermarkConfiguration {

    @Bean
    WatermarkStore watermarkStore(WatermarkProperties properties, ImageSource source, ImageDecoder watermarkDecoder,
            LimitsProperties limits, ProcessingProperties processing, OptionsParser options) {
        List<String> marked = options.presetsUsing("wm");
        if (!properties.configured() && !marked.isEmpty()) {
            throw new InvalidPresetException(marked.getFirst(), "the preset uses 'wm', but no watermark is "
                    + "configured (imgorigin.watermark.key is empty)");
        }
        return new WatermarkStore(properties, source, watermarkDecoder, limits.maxSourceBytes().toBytes(),
                processing.timeout(), System::nanoTime);
    }

    /** Loads it before the service reports ready, so the start log tells whether it can be used. */
    @Bean
    ApplicationRunner watermarkLoad(WatermarkStore store) {
        return arguments -> store.load();
    }
}
