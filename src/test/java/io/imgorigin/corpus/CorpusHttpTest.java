package io.imgorigin.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.S3ProxyServer;
import io.imgorigin.testing.TestImages;

/**
 * Every file of the shared real-world corpus through the real service, read from S3: only 200, 415 or
 * 422, each within 20 s; every 200 a valid image of the promised format and size; the MANIFEST's
 * checkable expectations (upright aspect, mean colour, difference hash, alpha) where they apply; at
 * least 95 % of what the reference decoder reads is served; and the service healthy afterwards.
 */
class CorpusHttpTest {

    private static final Set<Integer> ALLOWED = Set.of(200, 415, 422);
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int WIDTH = 200;
    private static final int MEAN_TOLERANCE = 12;
    private static final int DHASH_TOLERANCE = 10;
    private static final int MIN_HASHED_SIDE = 32;
    /** The MANIFEST: other CMYK profiles than the reference's may shift colours by up to about 30 levels. */
    private static final int CMYK_PROFILE_TOLERANCE = 30;

    private static int maxChannelDifference(int[] a, int[] b) {
        int max = 0;
        for (int c = 0; c < 3; c++) {
            max = Math.max(max, Math.abs(a[c] - b[c]));
        }
        return max;
    }

    private static int squaredDistance(int[] a, int[] b) {
        int sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return sum;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path corpus() {
        return Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
    }

    @Test
    void everyCorpusFileGetsAnAllowedAnswer() throws Exception {
        Path corpus = corpus();
        Assumptions.assumeTrue(Files.isRegularFile(corpus.resolve("MANIFEST.tsv")),
                "the shared corpus (../shared/corpus) is not present in this checkout");
        List<ManifestRow> rows = ManifestRow.read(corpus.resolve("MANIFEST.tsv"));
        List<String> failures = new ArrayList<>();
        Map<String, int[]> summary = new TreeMap<>();
        int referenceDecodes = 0;
        int servedOfThose = 0;
        List<String> refusedButReferenceDecodes = new ArrayList<>();

        try (S3ProxyServer s3 = S3ProxyServer.launch();
                RunningService service = RunningService.start(RunningService.s3(s3.endpoint(), s3.bucket()))) {
            for (ManifestRow row : rows) {
                s3.put(row.file(), Files.readAllBytes(corpus.resolve(row.file())));
                Answer png = get(service, row.file(), "w=" + WIDTH + "&f=png");
                Answer original = get(service, row.file(), "w=120");
                int[] counts = summary.computeIfAbsent(row.category(), c -> new int[4]);
                counts[png.status() == 200 ? 0 : png.status() == 415 ? 1 : png.status() == 422 ? 2 : 3]++;
                check(row, png, original, failures);
                if (row.referenceDecodes()) {
                    referenceDecodes++;
                    if (png.status() == 200) {
                        servedOfThose++;
                    } else {
                        refusedButReferenceDecodes.add(row.file() + " (" + png.status() + ")");
                    }
                }
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(service.managementUri("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).as("healthy after the corpus").contains("UP");
            assertThat(get(service, rows.getFirst().file(), "w=10").status()).isIn(200, 415, 422);
        }

        StringBuilder report = new StringBuilder("corpus: category served/415/422/other\n");
        summary.forEach((category, c) -> report.append(String.format("  %-12s %3d %3d %3d %3d%n", category, c[0], c[1], c[2], c[3])));
        report.append(String.format("  reference-decodable files served: %d of %d (%.1f %%)%n", servedOfThose, referenceDecodes,
                100.0 * servedOfThose / Math.max(1, referenceDecodes)));
        refusedButReferenceDecodes.forEach(f -> report.append("  refused, though libvips decodes it: ").append(f).append('\n'));
        System.out.println(report);
        assertThat(failures).as(report.toString()).isEmpty();
        assertThat(servedOfThose).as(report.toString()).isGreaterThanOrEqualTo((int) Math.ceil(referenceDecodes * 0.95));
    }

    private record Answer(int status, String contentType, byte[] body, Duration elapsed) {
    }

    private Answer get(RunningService service, String key, String query) throws Exception {
        String path = "/" + encodePath(key) + "?" + query;
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(service.uri(path)).timeout(LIMIT.plusSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/")) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** Inputs the MANIFEST calls supported that this build reads: they must be served. */
    private static final List<String> READ_SUFFIXES = List.of(".avif", ".heic", ".ico", ".svg", ".jxl");

    private static void check(ManifestRow row, Answer png, Answer original, List<String> failures) {
        String file = row.file();
        if (row.expected().startsWith("SUPPORTED input") && READ_SUFFIXES.stream().anyMatch(file::endsWith)
                && (png.status() != 200 || original.status() != 200)) {
            failures.add(file + ": a supported input answered " + png.status() + " / " + original.status());
        }
        for (Answer answer : List.of(png, original)) {
            if (!ALLOWED.contains(answer.status())) {
                failures.add(file + ": status " + answer.status() + " " + new String(answer.body()));
            }
            if (answer.elapsed().compareTo(LIMIT) > 0) {
                failures.add(file + ": took " + answer.elapsed().toMillis() + " ms");
            }
            if (answer.status() == 200) {
                String magic = TestImages.magic(answer.body());
                if (!answer.contentType().equals("image/" + magic)) {
                    failures.add(file + ": Content-Type " + answer.contentType() + " but the bytes are " + magic);
                }
            }
        }
        if (row.mustBeRefused() && png.status() == 200) {
            failures.add(file + ": must be refused (" + row.category() + ") but was served");
        }
        if (png.status() != 200) {
            return;
        }
        BufferedImage image;
        try {
            image = TestImages.decode(png.body());
        } catch (RuntimeException e) {
            failures.add(file + ": the PNG output does not decode: " + e.getMessage());
            return;
        }
        if (image.getWidth() > WIDTH) {
            failures.add(file + ": output width " + image.getWidth() + " over the requested " + WIDTH);
        }
        row.uprightAspect().ifPresent(size -> {
            int expectedWidth = Math.min(WIDTH, size[0]);
            long expectedHeight = Math.max(1, Math.round((double) size[1] * expectedWidth / size[0]));
            if (image.getWidth() != expectedWidth || Math.abs(image.getHeight() - expectedHeight) > 1) {
                failures.add(file + ": output " + image.getWidth() + "x" + image.getHeight() + ", expected " + expectedWidth + "x"
                        + expectedHeight + " from upright " + size[0] + "x" + size[1]);
            }
        });
        row.meanRgb().ifPresent(expected -> {
            int[] mean = ImageFingerprints.meanOnWhite(image);
            Optional<int[]> inverted = row.invertedMean();
            boolean ok = maxChannelDifference(mean, expected) <= row.meanTolerance(MEAN_TOLERANCE)
                    || inverted.isPresent() && maxChannelDifference(mean, expected) <= CMYK_PROFILE_TOLERANCE
                    && squaredDistance(mean, expected) < squaredDistance(mean, inverted.get());
            if (!ok) {
                failures.add(file + ": mean sRGB " + java.util.Arrays.toString(mean) + ", reference "
                        + java.util.Arrays.toString(expected));
            }
        });
        // A 9×8 difference hash of an image hardly larger than its grid is decided by sub-pixel box weights.
        boolean hashable = image.getWidth() >= MIN_HASHED_SIDE && image.getHeight() >= MIN_HASHED_SIDE;
        row.dhash().filter(expected -> hashable).ifPresent(expected -> {
            long actual = ImageFingerprints.dhash(image);
            int distance = ImageFingerprints.dhashDistance(image, expected);
            if (distance > DHASH_TOLERANCE) {
                failures.add(file + ": dhash " + Long.toHexString(actual) + " differs in " + distance + " significant bits from "
                        + Long.toHexString(expected));
            }
        });
        if (row.alphaPresent() && !image.getColorModel().hasAlpha()) {
            failures.add(file + ": alpha was lost in PNG output");
        }
    }
}
