package io.imgorigin.options;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code imgorigin.format.quality.*}: the quality a format uses when the request gives no {@code q}. The AVIF
 * default is the measured choice of bench/README.md ("AVIF quality").
 */
public record FormatQualities(@DefaultValue("55") int avif) {

    public FormatQualities {
        if (avif < 1 || avif > 100) {
            throw new IllegalArgumentException("imgorigin.format.quality.avif must be 1..100, not " + avif);
        }
    }
}
