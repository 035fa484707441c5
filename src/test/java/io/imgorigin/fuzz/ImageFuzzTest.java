package io.imgorigin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.StandardPipeline;
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
        PipelineFuzzing.Outcome outcome = PipelineFuzzing.run(seeds(), queries, MUTANTS, SEED, null,
                mutant -> pipeline.process(mutant.bytes(), new ProcessingRequest(parser.parse(mutant.query()).options(),
                        mutant.random().nextBoolean(), Deadline.after(Duration.ofSeconds(20)))));
        System.out.printf("fuzz, native codecs %s: %s%n", nativeCodecs, outcome.summary(MUTANTS));
        assertThat(outcome.escaped()).isEmpty();
        assertThat(outcome.served()).as("some mutants still decode").isPositive();
        assertThat(outcome.refused()).as("some mutants are refused").isPositive();
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        BufferedImage rgb = PipelineFuzzing.picture(96, 64, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = PipelineFuzzing.picture(80, 60, BufferedImage.TYPE_INT_ARGB);
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
