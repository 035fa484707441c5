package io.imgorigin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.web.ObjectKey;

/**
 * Seeded random queries and paths, built from real option names, values and hostile fragments: the
 * parser either yields options within every range or refuses with a 400-kind error, nothing else.
 */
class OptionsParserFuzzTest {

    private static final int ITERATIONS = 20_000;
    private static final List<String> NAMES = List.of("w", "h", "f", "q", "fit", "g", "dpr", "bg", "enlarge", "s", "W", "x", "",
            "%77", "w%00", "fit%3D", "ü", "wm", "preset", "info", "crop", "rot", "flip", "trim", "pad", "blur", "sharpen",
            "anim");
    private static final List<String> VALUES = List.of("1", "0", "-1", "8192", "8193", "400", "99999999999999999999", "1.5", "4",
            "4.0001", "jpeg", "jpg", "webp", "png", "auto", "gif", "cover", "smart", "top-left", "TOP_LEFT", "ffffff", "FFFFFF00",
            "true", "0", "%zz", "%", "%2", "+", "%20", "", "NaN", "Infinity", "1e3", "0x10", "AAAA_-", "a=b", "💥", "\u0000",
            "thumb", "thumb,card", "nope", "thumb,", "0.5", "1,tile", "0.5,top-left,10,-10,0.25", "1,tile,-1,0", ".5,center,1",
            "true", "0,0,10,10", "5,5,1,1", "0,0,0,1", "1,2,3", "90", "270", "45", "h", "hv", "v", "1,2,3,4", "1000",
            "1001", "0.3", "100", "10.5", "fp:0.5,0.5", "fp:1,0", "fp:2,0", "fp:", "255", "256");

    private final OptionsParser parser = new OptionsParser(new OptionsParser.Settings(8192,
            io.imgorigin.options.Quality.defaults(80, 80, 60),
            java.util.Map.of("thumb", "w=400&h=300&fit=cover", "card", "f=webp&q=70&wm=0.5"), false, List.of(), List.of()));

    @Test
    void randomQueriesParseOrAreRefusedCleanly() {
        Random random = new Random(20261124L);
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String query = randomQuery(random);
            try {
                var parsed = parser.parse(query);
                accepted++;
                if (parsed.info()) {
                    assertThat(parsed.options()).as(query).isNull();
                } else {
                    assertWithinRanges(parsed.options(), query);
                }
            } catch (InvalidOptionException e) {
                assertThat(e.option()).as(query).isNotNull();
                assertThat(e.getMessage()).as(query).isNotBlank();
            }
        }
        assertThat(accepted).as("the generator also produces valid queries").isGreaterThan(ITERATIONS / 50);
    }

    @Test
    void randomPathsGiveAKeyOrA400() {
        Random random = new Random(7L);
        for (int i = 0; i < ITERATIONS; i++) {
            StringBuilder path = new StringBuilder("/");
            int parts = random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                path.append(pick(random, List.of("a", "..", ".", "%2e", "%2F", "%00", "%C3%A9", "%C3", "%", "%zz", "/", "b.jpg",
                        "%7F", "x".repeat(300))));
            }
            checkKey(path.toString());
        }
    }

    private static void checkKey(String rawPath) {
        try {
            String key = ObjectKey.fromRawPath(rawPath);
            assertThat(key).as(rawPath).isNotEmpty();
            assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(rawPath).isLessThanOrEqualTo(1024);
            assertThat("/" + key + "/").as(rawPath).doesNotContain("/../", "/./");
            assertThat(key.chars().noneMatch(c -> c < 0x20)).as(rawPath).isTrue();
        } catch (InvalidOptionException e) {
            assertThat(e.option()).as(rawPath).isEqualTo("key");
        }
    }

    private static void assertWithinRanges(ImageOptions options, String query) {
        if (options.targetWidth() != null) {
            assertThat(options.targetWidth()).as(query).isBetween(1, 8192);
        }
        if (options.targetHeight() != null) {
            assertThat(options.targetHeight()).as(query).isBetween(1, 8192);
        }
        assertThat(options.quality().jpeg()).as(query).isBetween(1, 100);
        assertThat(options.quality().webp()).as(query).isBetween(1, 100);
        if (options.watermark() != null) {
            assertThat(options.watermark().opacity().doubleValue()).as(query).isBetween(0.0, 1.0);
            assertThat(options.watermark().scale().doubleValue()).as(query).isBetween(0.0, 1.0);
        }
        assertThat(options.dpr().doubleValue()).as(query).isBetween(1.0, 4.0);
        var edits = options.edits();
        if (edits.crop() != null) {
            assertThat(edits.crop().x()).as(query).isNotNegative();
            assertThat(edits.crop().width()).as(query).isPositive();
        }
        if (edits.trim() != null) {
            assertThat(edits.trim()).as(query).isBetween(0, 255);
        }
        assertThat(edits.rotation()).as(query).isIn(0, 90, 180, 270);
        assertThat(options.targetPadding().horizontal()).as(query).isLessThan(8192);
        if (options.blurSigma() != null) {
            assertThat(options.blurSigma()).as(query).isBetween(0.3, 100.0);
        }
        if (options.sharpenSigma() != null) {
            assertThat(options.sharpenSigma()).as(query).isBetween(0.3, 10.0);
        }
        if (edits.focalPoint() != null) {
            assertThat(edits.focalPoint().x().doubleValue()).as(query).isBetween(0.0, 1.0);
            assertThat(edits.focalPoint().y().doubleValue()).as(query).isBetween(0.0, 1.0);
        }
        assertThat(options.canonical()).as(query).isNotBlank();
    }

    private static String randomQuery(Random random) {
        StringBuilder query = new StringBuilder();
        int pairs = random.nextInt(5);
        for (int p = 0; p < pairs; p++) {
            if (p > 0) {
                query.append(random.nextInt(10) == 0 ? "&&" : "&");
            }
            query.append(pick(random, NAMES));
            if (random.nextInt(12) != 0) {
                query.append('=').append(pick(random, VALUES));
            }
        }
        return query.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
