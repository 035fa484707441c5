package io.imgorigin.source;

import java.net.URI;

import io.imgorigin.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 contract against LocalStack, where a Docker engine is available. */
@RequiresDocker
class S3ImageSourceLocalStackTest extends S3ImageSourceContract {

    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4");
    private static final String BUCKET = "imgorigin-test";

    private LocalStackContainer localstack;
    private S3Client admin;

    @BeforeAll
    void startStore() {
        localstack = new LocalStackContainer(IMAGE).withServices("s3");
        localstack.start();
        admin = S3Client.builder()
                .endpointOverride(localstack.getEndpoint())
                .region(Region.of(localstack.getRegion()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
        admin.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    void stopStore() {
        if (admin != null) {
            admin.close();
        }
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    protected S3Client adminClient() {
        return admin;
    }

    @Override
    protected URI endpoint() {
        return localstack.getEndpoint();
    }

    @Override
    protected String bucket() {
        return BUCKET;
    }

    @Override
    protected String accessKey() {
        return localstack.getAccessKey();
    }

    @Override
    protected String secretKey() {
        return localstack.getSecretKey();
    }
}
