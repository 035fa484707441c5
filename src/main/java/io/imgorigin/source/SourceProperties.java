package io.imgorigin.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where originals come from: {@code imgorigin.source.*} (SPEC section 5). */
@ConfigurationProperties("imgorigin.source")
public record SourceProperties(
        @DefaultValue("filesystem") SourceType type,
        @DefaultValue Filesystem filesystem,
        @DefaultValue S3 s3,
        @DefaultValue("10s") Duration timeout) {

    public enum SourceType { FILESYSTEM, S3 }

    /** A null root means the bundled samples folder. */
    public record Filesystem(Path root) {
    }

    /**
     * @param verifyMd5 whether a body is checked against an ETag that has an MD5's shape; off for stores whose
     *                  ETags look like MD5s without being ones (see {@link BodyIntegrity})
     */
    public record S3(
            String bucket,
            @DefaultValue("") String prefix,
            String region,
            URI endpoint,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("true") boolean verifyMd5) {
    }
}
