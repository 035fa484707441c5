package io.imgorigin.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code imgorigin.cache.*}: how long the CDN and browsers may keep answers. */
@ConfigurationProperties("imgorigin.cache")
public record CacheProperties(
        @DefaultValue("public, max-age=31536000, immutable") String control,
        @DefaultValue("60s") Duration errorMaxAge) {
}
