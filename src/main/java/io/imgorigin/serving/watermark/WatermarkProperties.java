package io.imgorigin.serving.watermark;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code imgorigin.watermark.*}: the object key of the image {@code wm} draws, read from the configured
 * source (empty: no watermark, and {@code wm} is a 400), and how often its ETag is checked again.
 *
 * @param key     object key, like a request path without its leading slash
 * @param refresh at most this long passes before a {@code wm} request checks the store's ETag of the
 *                watermark again (a metadata request; the image is fetched and decoded again only when
 *                the ETag changed)
 */
@ConfigurationProperties("imgorigin.watermark")
public record WatermarkProperties(@DefaultValue("") String key, @DefaultValue("1m") Duration refresh) {

    public WatermarkProperties {
        key = key == null ? "" : key.strip();
        if (key.startsWith("/")) {
            key = key.substring(1);
        }
        if (refresh == null || refresh.isNegative()) {
            throw new IllegalArgumentException("imgorigin.watermark.refresh must be zero or more, not " + refresh);
        }
    }

    public boolean configured() {
        return !key.isEmpty();
    }
}
