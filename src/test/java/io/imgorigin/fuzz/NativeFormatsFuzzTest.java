package io.imgorigin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.encode.AvifEncoder;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;

/**
 * {@link ImageFuzzTest}'s mutations ({@link PipelineFuzzing}) over the formats read through libheif, libjxl and the SVG renderer:
 * AVIF and HEIC (the corpus's and AVIFs written here, with and without alpha), JPEG XL, SVG and ICO files of
 * the corpus. A native crash would take the test JVM down with it; every mutant must come out as an
 * image or as a 415/422 refusal, each within a few seconds.
 */
class NativeFormatsFuzzTest {

    private static final int MUTANTS = 1500;
    private static final long SEED = 20261204L;
    private static final Duration PER_MUTANT = Duration.ofSeconds(5);
    private static final List<String> SUFFIXES = List.of(".avif", ".heic", ".heif", ".jxl", ".svg", ".ico", ".cur");

    @Test
    void mutatedFilesAreServedOrRefusedNeverCrashOrHang() throws IOException {
        ProcessingEngine.detect(true);
        ImagePipeline pipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192),
                50_000_000L, 1000, new MemoryBudget(512L << 20, Duration.ofSeconds(5)), true), StageObserver.NONE);
        OptionsParser parser = new OptionsParser(8192, 80);
        String[] queries = {"w=64", "w=48&h=48&f=png", "w=40&h=30&fit=contain&f=webp", "h=32&f=jpeg", "w=33&f=avif",
            "w=8"};
        List<byte[]> seeds = seeds();
        assertThat(seeds).as("seed files").isNotEmpty();
        PipelineFuzzing.Outcome outcome = PipelineFuzzing.run(seeds, queries, MUTANTS, SEED, PER_MUTANT, mutant -> {
            String query = mutant.query().contains("f=avif") && !AvifEncoder.available() ? "w=33" : mutant.query();
            return pipeline.process(mutant.bytes(), new ProcessingRequest(parser.parse(query).options(),
                    mutant.random().nextBoolean() ? OutputFormat.AVIF : null, Deadline.after(Duration.ofSeconds(20))));
        });
        System.out.printf("fuzz of libheif/libjxl/SVG/ICO inputs, %d files: %s%n", seeds.size(), outcome.summary(MUTANTS));
        assertThat(outcome.escaped()).isEmpty();
        assertThat(outcome.served()).as("some mutants still decode").isPositive();
        assertThat(outcome.refused()).as("some mutants are refused").isPositive();
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        if (AvifEncoder.available()) {
            AvifEncoder encoder = new AvifEncoder(9, 50);
            seeds.add(encoder.encode(PipelineFuzzing.picture(96, 64, BufferedImage.TYPE_INT_RGB), 50));
            seeds.add(encoder.encode(PipelineFuzzing.picture(80, 60, BufferedImage.TYPE_INT_ARGB), 50));
            seeds.add(encoder.encode(PipelineFuzzing.picture(41, 23, BufferedImage.TYPE_INT_ARGB), 95));
        }
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.walk(corpus)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (SUFFIXES.stream().anyMatch(name::endsWith) && Files.size(file) <= 200_000) {
                        seeds.add(Files.readAllBytes(file));
                    }
                }
            }
        }
        return seeds;
    }

}
