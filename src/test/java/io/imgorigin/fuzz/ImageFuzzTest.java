package io.imgorigin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.Geometry;

/**
 * Seeded mutation fuzzing of the whole processing pipeline: valid images of every input format (made
 * here, plus small files of the shared corpus when it is present) with bits flipped, header bytes
 * overwritten, lengths inflated, slices repeated and tails cut off. Every mutant must come out as an
 * image or as a 415/422 refusal; any other exception or error fails the test with the seed that made
 * it. The number of mutants is fixed, so the run is bounded and repeatable.
 */
class ImageFuzzTest {

    private static final int MUTANTS = 2000;
    private static final long SEED = 20261203L;
    private static final long MAX_CORPUS_FILE = 150_000;

    @ParameterizedTest(name = "native codecs: {0}")
    @ValueSource(booleans = {true, false})
    void mutatedImagesAreServedOrRefusedNeverCrash(boolean nativeCodecs) throws IOException {
        ProcessingEngine.detect(nativeCodecs);
        ImagePipeline pipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192),
                50_000_000L, 1000, new MemoryBudget(512L << 20, Duration.ofSeconds(5)), nativeCodecs),
                StageObserver.NONE);
        OptionsParser parser = new OptionsParser(8192, 80);
        String[] queries = {"w=64", "w=48&h=48&f=png", "w=40&h=30&fit=contain&f=webp", "h=32&f=jpeg&g=smart"};
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        List<String> escaped = new ArrayList<>();
        int served = 0;
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            int seedIndex = random.nextInt(seeds.size());
            byte[] seed = seeds.get(seedIndex);
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            long mutantSeed = random.nextLong();
            byte[] mutant = mutation.apply(seed, new Random(mutantSeed));
            String query = queries[random.nextInt(queries.length)];
            ProcessingRequest request = new ProcessingRequest(parser.parse(query).options(), random.nextBoolean(),
                    Deadline.after(Duration.ofSeconds(20)));
            try {
                ProcessedImage image = pipeline.process(mutant, request);
                assertThat(image.bytes()).isNotEmpty();
                served++;
            } catch (UnsupportedImageException | UnusableImageException e) {
                refused++;
            } catch (RuntimeException | Error e) {
                escaped.add(mutation + " of input " + seedIndex + " (seed " + mutantSeed + ", " + query + "): " + e
                        + " at " + Arrays.stream(e.getStackTrace()).limit(12).map(String::valueOf).toList());
            }
        }
        System.out.printf("fuzz, native codecs %s: %d mutants, %d served, %d refused, %d escaped%n", nativeCodecs,
                MUTANTS, served, refused, escaped.size());
        assertThat(escaped).isEmpty();
        assertThat(served).as("some mutants still decode").isPositive();
        assertThat(refused).as("some mutants are refused").isPositive();
    }

    /** What is done to a valid file. */
    enum Mutation {
        FLIP_BITS {
            @Override
            byte[] apply(byte[] seed, Random random) {
                byte[] out = seed.clone();
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    int at = random.nextInt(out.length);
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
        },
        OVERWRITE_HEADER_BYTE {
            @Override
            byte[] apply(byte[] seed, Random random) {
                byte[] out = seed.clone();
                int at = random.nextInt(Math.min(out.length, 96));
                out[at] = (byte) switch (random.nextInt(3)) {
                    case 0 -> 0x00;
                    case 1 -> 0xFF;
                    default -> random.nextInt(256);
                };
                return out;
            }
        },
        INFLATE_LENGTH {
            @Override
            byte[] apply(byte[] seed, Random random) {
                byte[] out = seed.clone();
                int at = random.nextInt(Math.max(1, Math.min(out.length - 4, 200)));
                Arrays.fill(out, at, Math.min(out.length, at + 2 + random.nextInt(3)), (byte) 0xFF);
                return out;
            }
        },
        REPEAT_SLICE {
            @Override
            byte[] apply(byte[] seed, Random random) {
                int from = random.nextInt(seed.length);
                int length = Math.min(seed.length - from, 1 + random.nextInt(64));
                int to = random.nextInt(seed.length);
                byte[] out = new byte[seed.length + length];
                System.arraycopy(seed, 0, out, 0, to);
                System.arraycopy(seed, from, out, to, length);
                System.arraycopy(seed, to, out, to + length, seed.length - to);
                return out;
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] seed, Random random) {
                return Arrays.copyOf(seed, random.nextInt(seed.length));
            }
        };

        abstract byte[] apply(byte[] seed, Random random);
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        BufferedImage rgb = picture(96, 64, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = picture(80, 60, BufferedImage.TYPE_INT_ARGB);
        for (String format : List.of("jpeg", "png", "gif", "bmp", "tiff", "webp")) {
            seeds.add(encode(rgb, format));
        }
        seeds.add(encode(argb, "png"));
        seeds.add(encode(argb, "webp"));
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
        for (String category : List.of("formats", "alpha", "orientation", "color")) {
            Path folder = corpus.resolve(category);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.sorted().toList()) {
                        if (Files.size(file) <= MAX_CORPUS_FILE) {
                            seeds.add(Files.readAllBytes(file));
                        }
                    }
                }
            }
        }
        return seeds;
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(200, 30, 40, 255), width, height, new Color(20, 90, 220, 120)));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.YELLOW);
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        BufferedImage input = image;
        if (format.equals("jpeg") || format.equals("bmp")) {
            input = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            input.createGraphics().drawImage(image, 0, 0, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(input, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
