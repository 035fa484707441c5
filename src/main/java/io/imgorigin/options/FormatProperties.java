package io.imgorigin.options;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code imgorigin.format.*}: what a request that names no quality gets. */
@ConfigurationProperties("imgorigin.format")
public record FormatProperties(@DefaultValue("80") int defaultQuality) {
}
