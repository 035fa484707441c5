package io.imgorigin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 development loop, where Docker runs: {@code ./mvnw spring-boot:test-run} starts LocalStack,
 * uploads everything under {@code ./samples} into the bucket {@value #BUCKET} (keys relative to that
 * folder), and runs imgorigin against it. Settings given on the command line or in the environment
 * still win over the ones set here.
 */
public final class TestImgoriginApplication {

    static final String BUCKET = "imgorigin-dev";
    static final Path SAMPLES = Path.of("samples");

    private TestImgoriginApplication() {
    }

    public static void main(String[] args) throws IOException {
        LocalStackContainer localstack =
                new LocalStackContainer(DockerImageName.parse("localstack/localstack:4")).withServices("s3");
        localstack.start();
        Runtime.getRuntime().addShutdownHook(new Thread(localstack::stop, "localstack-stop"));

        try (S3Client s3 = adminClient(localstack)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            uploadSamples(s3);
        }

        // The SDK's default credentials chain reads these, as it would read real ones in production.
        System.setProperty("aws.accessKeyId", localstack.getAccessKey());
        System.setProperty("aws.secretAccessKey", localstack.getSecretKey());

        new SpringApplicationBuilder(ImgoriginApplication.class)
                .properties(Map.of(
                        "imgorigin.source.type", "s3",
                        "imgorigin.source.s3.bucket", BUCKET,
                        "imgorigin.source.s3.endpoint", localstack.getEndpoint().toString(),
                        "imgorigin.source.s3.path-style", "true",
                        "imgorigin.source.s3.region", localstack.getRegion()))
                .run(args);
    }

    private static S3Client adminClient(LocalStackContainer localstack) {
        return S3Client.builder()
                .endpointOverride(localstack.getEndpoint())
                .region(Region.of(localstack.getRegion()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }

    private static void uploadSamples(S3Client s3) throws IOException {
        if (!Files.isDirectory(SAMPLES)) {
            System.err.println("No " + SAMPLES.toAbsolutePath() + " folder: the bucket " + BUCKET + " stays empty");
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String key = SAMPLES.relativize(file).toString().replace('\\', '/');
            String contentType = Files.probeContentType(file);
            s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(contentType), RequestBody.fromFile(file));
        }
        System.out.println("Uploaded " + files.size() + " sample(s) to s3://" + BUCKET);
    }
}
