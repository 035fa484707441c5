package io.imgorigin.source;

import io.imgorigin.source.SourceProperties.SourceType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/** Creates the one {@link ImageSource} that {@code imgorigin.source.type} asks for. */
@Configuration(proxyBeanMethods = false)
public class SourceConfiguration {

    /**
     * Served when {@code imgorigin.source.filesystem.root} is not set: {@code ./samples}, resolved
     * against the working directory, i.e. the project's sample folder when started from the project.
     */
    public static final Path DEFAULT_FILESYSTEM_ROOT = Path.of("samples");

    private static final Logger log = LoggerFactory.getLogger(SourceConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSourceType(SourceType.FILESYSTEM)
    static class FilesystemSource {

        @Bean
        ImageSource imageSource(SourceProperties properties) {
            Path configured = properties.filesystem().root();
            FilesystemImageSource source =
                    new FilesystemImageSource(configured == null ? DEFAULT_FILESYSTEM_ROOT : configured,
                            properties.timeout());
            // Not fatal: the folder may be mounted after start-up; until then every key is a 404.
            if (!Files.isDirectory(source.root())) {
                log.warn("Source folder {} does not exist; every request will be answered 404", source.root());
            }
            log.info("Serving originals from folder {}", source.root());
            return source;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSourceType(SourceType.S3)
    static class S3Source {

        /**
         * Credentials and the region fallback come from the SDK's default chains unless the context
         * defines its own {@link AwsCredentialsProvider} or {@link AwsRegionProvider} bean.
         */
        @Bean(destroyMethod = "close")
        S3Client imgoriginS3Client(SourceProperties properties, ObjectProvider<AwsCredentialsProvider> credentials,
                                   ObjectProvider<AwsRegionProvider> regions) {
            requireBucket(properties);
            S3ClientFactory factory = new S3ClientFactory(
                    credentials.getIfAvailable(() -> DefaultCredentialsProvider.builder().build()),
                    regions.getIfAvailable(DefaultAwsRegionProviderChain::new));
            return factory.create(properties);
        }

        @Bean
        ImageSource imageSource(SourceProperties properties, S3Client imgoriginS3Client) {
            SourceProperties.S3 s3 = properties.s3();
            S3ImageSource source = new S3ImageSource(imgoriginS3Client, s3.bucket().trim(), s3.prefix(),
                    properties.timeout(), s3.verifyMd5());
            log.info("Serving originals from s3://{}/{}", s3.bucket().trim(), source.objectKey(""));
            if (!s3.verifyMd5()) {
                log.info("Bodies are not checked against MD5 ETags (imgorigin.source.s3.verify-md5=false)");
            }
            return source;
        }

        private static void requireBucket(SourceProperties properties) {
            String bucket = properties.s3().bucket();
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalStateException("imgorigin.source.s3.bucket (IMGORIGIN_SOURCE_S3_BUCKET) must be set"
                        + " when imgorigin.source.type is s3");
            }
        }
    }
}
