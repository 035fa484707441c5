package io.imgorigin.options;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code imgorigin.limits.*}: everything a hostile request or original could make large. The options
 * parser enforces the output dimension; the service, the probe and admission the rest.
 */
@ConfigurationProperties("imgorigin.limits")
public record LimitsProperties(
        @DefaultValue("50MB") DataSize maxSourceBytes,
        @DefaultValue("50000000") long maxSourcePixels,
        @DefaultValue("8192") int maxOutputDimension,
        @DefaultValue("1000") int maxFrames) {
}
