package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;

class S3ClientFactoryTest {

    private static SourceProperties.S3 s3WithRegion(String region) {
        return new SourceProperties.S3("bucket", "", region, null, false, 3, true);
    }

    private static S3ClientFactory factory(AwsRegionProvider fallback) {
        return new S3ClientFactory(AnonymousCredentialsProvider.create(), fallback);
    }

    @Test
    void configuredRegionWins() {
        assertThat(factory(() -> Region.EU_WEST_1).region(s3WithRegion(" eu-central-1 ")))
                .isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void unsetRegionComesFromTheProvider() {
        assertThat(factory(() -> Region.EU_WEST_1).region(s3WithRegion(null))).isEqualTo(Region.EU_WEST_1);
        assertThat(factory(() -> Region.EU_WEST_1).region(s3WithRegion(" "))).isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void regionDefaultsToUsEast1WhenNothingKnowsIt() {
        AwsRegionProvider nothing = () -> {
            throw SdkClientException.create("Unable to load region");
        };

        assertThat(factory(nothing).region(s3WithRegion(null))).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void clientCarriesTimeoutsAndRetriesFromTheSettings() {
        SourceProperties source = new SourceProperties(SourceProperties.SourceType.S3,
                new SourceProperties.Filesystem(null),
                new SourceProperties.S3("bucket", "", "us-east-1", null, false, 4, true),
                Duration.ofSeconds(8));

        try (S3Client client = factory(() -> Region.US_EAST_1).create(source)) {
            var override = client.serviceClientConfiguration().overrideConfiguration();
            assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(8));
            assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(2));
            assertThat(override.retryStrategy()).hasValueSatisfying(
                    strategy -> assertThat(strategy.maxAttempts()).isEqualTo(4));
        }
    }
}
