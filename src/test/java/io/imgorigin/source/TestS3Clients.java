package io.imgorigin.source;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 clients built by the production factory, pointed at a local endpoint with static credentials. */
final class TestS3Clients {

    static final int MAX_ATTEMPTS = 3;

    private TestS3Clients() {
    }

    static S3Client forEndpoint(URI endpoint, String accessKey, String secretKey, Duration timeout) {
        SourceProperties source = new SourceProperties(
                SourceProperties.SourceType.S3,
                new SourceProperties.Filesystem(null),
                new SourceProperties.S3("unused-by-the-factory", "", "us-east-1", endpoint, true, MAX_ATTEMPTS, true),
                timeout);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        return new S3ClientFactory(credentials, () -> Region.US_EAST_1).create(source);
    }
}
