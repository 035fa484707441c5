package io.imgorigin.options;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code imgorigin.format.*}: what a request that names no quality gets, the formats {@code f=auto} may
 * choose (see {@link AutoFormatSettings}) and AVIF's encoder settings. Each lossy format has its own
 * {@code quality.<format>}; the shipped WebP and AVIF defaults were chosen by measuring SSIM against the
 * source over the corpus photos so that they look like JPEG at 80 (bench/README.md, "Quality defaults").
 * JPEG's is {@code default-quality} unless {@code quality.jpeg} is set.
 */
@ConfigurationProperties("imgorigin.format")
public record FormatProperties(@DefaultValue("80") int defaultQuality,
        @DefaultValue({"avif", "webp"}) List<String> auto,
        @DefaultValue AvifSettings avif, @DefaultValue Qualities quality) {

    /** The measured WebP quality that looks like JPEG at 80. */
    public static final int WEBP_DEFAULT = 83;
    /** The measured AVIF quality that looks like JPEG at 80, through AvifWriter at the default speed. */
    public static final int AVIF_DEFAULT = 66;

    public FormatProperties {
        check("imgorigin.format.default-quality", defaultQuality);
    }

    /** {@code imgorigin.format.quality.jpeg|webp|avif}; a null JPEG quality falls back to default-quality. */
    public record Qualities(Integer jpeg, @DefaultValue("" + WEBP_DEFAULT) int webp,
            @DefaultValue("" + AVIF_DEFAULT) int avif) {

        public Qualities {
            if (jpeg != null) {
                check("imgorigin.format.quality.jpeg", jpeg);
            }
            check("imgorigin.format.quality.webp", webp);
            check("imgorigin.format.quality.avif", avif);
        }
    }

    /** The qualities a request without {@code q} is encoded at. */
    public Quality defaults() {
        return Quality.defaults(quality.jpeg() != null ? quality.jpeg() : defaultQuality, quality.webp(),
                quality.avif());
    }

    private static void check(String key, int value) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(key + " must be from 1 to 100, not " + value);
        }
    }
}
