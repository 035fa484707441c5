package io.imgorigin.http;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The same HTTP contract against LocalStack; skipped where no Docker engine runs. */
class LocalStackHttpContractTest extends S3HttpContractTest {

    private LocalStackContainer localStack;
    private S3Client client;

    @Override
    protected ObjectStore startStore() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "Docker is not available, so LocalStack cannot start; the S3Proxy variant covers the same tests");
        localStack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4")).withServices("s3");
        localStack.start();
        client = S3Client.builder()
                .endpointOverride(localStack.getEndpoint())
                .region(Region.of(localStack.getRegion()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())))
                .build();
        client.createBucket(b -> b.bucket("imgorigin-test"));
        return new ObjectStore(localStack.getEndpoint(), "imgorigin-test", client);
    }

    @Override
    protected void stopStore() {
        if (client != null) {
            client.close();
        }
        if (localStack != null) {
            localStack.stop();
        }
    }
}
