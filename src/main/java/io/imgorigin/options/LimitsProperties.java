package io.imgorigin.options;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code imgorigin.limits.*}: everything a hostile request or original could make large. The options
 * parser enforces the output dimension and the allowed sizes; the service, the probe and admission the rest.
 *
 * @param maxAnimationPixels frames × canvas pixels an animation may declare (SPEC section 2.2)
 * @param allowedWidths  the widths tw = round(w·dpr) may take; empty: any
 * @param allowedHeights the heights th = round(h·dpr) may take; empty: any
 */
@ConfigurationProperties("imgorigin.limits")
public record LimitsProperties(
        @DefaultValue("50MB") DataSize maxSourceBytes,
        @DefaultValue("50000000") long maxSourcePixels,
        @DefaultValue("8192") int maxOutputDimension,
        @DefaultValue("1000") int maxFrames,
        @DefaultValue("200000000") long maxAnimationPixels,
        @DefaultValue List<Integer> allowedWidths,
        @DefaultValue List<Integer> allowedHeights) {

    public LimitsProperties {
        allowedWidths = allowedWidths == null ? List.of() : List.copyOf(allowedWidths);
        allowedHeights = allowedHeights == null ? List.of() : List.copyOf(allowedHeights);
    }
}
