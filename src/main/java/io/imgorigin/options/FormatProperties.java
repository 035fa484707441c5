package io.imgorigin.options;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code imgorigin.format.*}: what a request that names no quality gets, the formats {@code f=auto} may
 * choose (see {@link AutoFormatSettings}) and AVIF's encoder settings.
 */
@ConfigurationProperties("imgorigin.format")
public record FormatProperties(@DefaultValue("80") int defaultQuality,
        @DefaultValue({"avif", "webp"}) java.util.List<String> auto,
        @DefaultValue AvifSettings avif, @DefaultValue FormatQualities quality) {
}
