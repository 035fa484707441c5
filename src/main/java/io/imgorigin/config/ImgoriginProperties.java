package io.imgorigin.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Every {@code imgorigin.*} setting, bound once at start-up (SPEC section 5). */
@ConfigurationProperties("imgorigin")
public record ImgoriginProperties(
        @DefaultValue Source source,
        @DefaultValue Limits limits,
        @DefaultValue Format format,
        @DefaultValue Cache cache,
        @DefaultValue Security security,
        @DefaultValue Processing processing) {

    public enum SourceType { FILESYSTEM, S3 }

    public record Source(
            @DefaultValue("filesystem") SourceType type,
            @DefaultValue Filesystem filesystem,
            @DefaultValue S3 s3,
            @DefaultValue("10s") Duration timeout) {
    }

    /** A null root means the bundled samples folder. */
    public record Filesystem(Path root) {
    }

    public record S3(
            String bucket,
            @DefaultValue("") String prefix,
            String region,
            URI endpoint,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("3") int maxAttempts) {
    }

    public record Limits(
            @DefaultValue("50MB") DataSize maxSourceBytes,
            @DefaultValue("50000000") long maxSourcePixels,
            @DefaultValue("8192") int maxOutputDimension,
            @DefaultValue("1000") int maxFrames) {
    }

    public record Format(@DefaultValue("80") int defaultQuality) {
    }

    public record Cache(
            @DefaultValue("public, max-age=31536000, immutable") String control,
            @DefaultValue("60s") Duration errorMaxAge) {
    }

    public record Security(@DefaultValue("") List<String> signingKeys) {

        public List<String> activeKeys() {
            return signingKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        }
    }

    /**
     * CPU work runs on {@code threads} workers; up to {@code queue} more requests may wait
     * (for at most {@code queueWait}) before being answered 503. {@code memoryBudget} bounds the
     * decoded pixel bytes of all requests in flight; when null it is derived from the heap.
     * {@code nativeCodecs} switches the libjpeg-turbo path on (when the library is installed) or off.
     */
    public record Processing(
            @DefaultValue("20s") Duration timeout,
            @DefaultValue("0") int threads,
            @DefaultValue("16") int queue,
            @DefaultValue("2s") Duration queueWait,
            DataSize memoryBudget,
            @DefaultValue("true") boolean nativeCodecs) {
    }
}
