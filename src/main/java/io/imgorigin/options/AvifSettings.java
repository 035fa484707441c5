package io.imgorigin.options;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code imgorigin.format.avif.*}: libaom's speed 0 (slowest, smallest) .. 9. The default is the measured
 * choice of bench/README.md ("AVIF encoder speed").
 */
public record AvifSettings(@DefaultValue("8") int speed) {

    public AvifSettings {
        if (speed < 0 || speed > 9) {
            throw new IllegalArgumentException("imgorigin.format.avif.speed must be 0..9, not " + speed);
        }
    }
}
