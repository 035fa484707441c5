package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.imgorigin.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesConfig.class, SourceConfiguration.class);

    private S3ProxyServer s3;

    @BeforeAll
    void startStore() {
        s3 = S3ProxyServer.launch();
        s3.put("originals/cat.jpg", new byte[] {4, 2});
    }

    @AfterAll
    void stopStore() {
        s3.close();
    }

    @Test
    void withoutSettingsServesTheSamplesFolderOfTheWorkingDirectory() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ImageSource.class).doesNotHaveBean(S3Client.class);
            assertThat(context.getBean(ImageSource.class)).isInstanceOfSatisfying(FilesystemImageSource.class,
                    source -> assertThat(source.root()).isEqualTo(Path.of("samples").toAbsolutePath()));
        });
    }

    @Test
    void filesystemRootIsServed(@TempDir Path root) throws IOException {
        Files.write(root.resolve("cat.jpg"), new byte[] {1, 2, 3});

        runner.withPropertyValues("imgorigin.source.type=filesystem", "imgorigin.source.filesystem.root=" + root)
                .run(context -> assertThat(context.getBean(ImageSource.class).fetch("cat.jpg", 10).bytes())
                        .containsExactly(1, 2, 3));
    }

    @Test
    void s3SourceServesFromTheConfiguredBucketAndPrefix() {
        s3Runner("imgorigin.source.type=s3", "imgorigin.source.s3.region=eu-west-1")
                .run(context -> {
                    assertThat(context).hasSingleBean(S3Client.class);
                    assertThat(context.getBean(S3Client.class).serviceClientConfiguration().region())
                            .isEqualTo(Region.EU_WEST_1);
                    ImageSource source = context.getBean(ImageSource.class);
                    assertThat(source).isInstanceOf(S3ImageSource.class);
                    assertThat(source.fetch("cat.jpg", 10).bytes()).containsExactly(4, 2);
                });
    }

    @Test
    void sourceTypeIsMatchedWhateverItsCase() {
        s3Runner("imgorigin.source.type=S3").run(context ->
                assertThat(context.getBean(ImageSource.class)).isInstanceOf(S3ImageSource.class));
    }

    @Test
    void regionFallsBackToTheRegionProviderBean() {
        s3Runner("imgorigin.source.type=s3")
                .withBean(AwsRegionProvider.class, () -> () -> Region.AP_SOUTHEAST_2)
                .run(context -> assertThat(context.getBean(S3Client.class).serviceClientConfiguration().region())
                        .isEqualTo(Region.AP_SOUTHEAST_2));
    }

    @Test
    void s3WithoutBucketFailsAtStartupNamingTheSetting() {
        runner.withUserConfiguration(TestCredentials.class)
                .withPropertyValues("imgorigin.source.type=s3", "imgorigin.source.s3.region=us-east-1")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .hasMessageContaining("imgorigin.source.s3.bucket"));
    }

    @Test
    void s3ClientIsClosedWithTheContext() {
        S3Client[] client = new S3Client[1];
        s3Runner("imgorigin.source.type=s3", "imgorigin.source.s3.region=us-east-1").run(context -> {
            client[0] = context.getBean(S3Client.class);
            client[0].headBucket(b -> b.bucket(s3.bucket()));
        });

        // The same call that worked while the context was open is refused once it is closed.
        assertThatThrownBy(() -> client[0].headBucket(b -> b.bucket(s3.bucket())))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void unknownSourceTypeFailsAtStartup() {
        runner.withPropertyValues("imgorigin.source.type=gcs")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("imgorigin.source.type"));
    }

    private ApplicationContextRunner s3Runner(String... extra) {
        return runner.withUserConfiguration(TestCredentials.class)
                .withPropertyValues(
                        "imgorigin.source.s3.bucket=" + s3.bucket(),
                        "imgorigin.source.s3.prefix=originals",
                        "imgorigin.source.s3.endpoint=" + s3.endpoint(),
                        "imgorigin.source.s3.path-style=true",
                        "imgorigin.source.timeout=5s")
                .withPropertyValues(extra)
                .withBean(S3ProxyServer.class, () -> s3, definition -> definition.setDestroyMethodName(""));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SourceProperties.class)
    static class PropertiesConfig {
    }

    /** Keeps the SDK's default chain, and so any metadata endpoint, out of the tests. */
    @Configuration(proxyBeanMethods = false)
    static class TestCredentials {

        @Bean
        AwsCredentialsProvider testCredentials(S3ProxyServer s3) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
    }
}
