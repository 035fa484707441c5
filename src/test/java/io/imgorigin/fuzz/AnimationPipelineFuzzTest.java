package io.imgorigin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.StandardAnimationCodecs;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.format.OutputFormats;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.testing.AnimatedGifs;

/**
 * Seeded mutation fuzzing of the animation path: animated GIFs made here and the small animated GIFs and
 * WebPs of the shared corpus, mutated as {@link ImageFuzzTest} does, through the whole pipeline with the
 * frame loop and the animated decoders and encoders (libwebpdemux and libwebpmux where installed). Every
 * mutant must come out as an image or a 415/422 refusal, and the JVM must survive. Bounded and repeatable.
 */
class AnimationPipelineFuzzTest {

    private static final int MUTANTS = 600;
    private static final long SEED = 20261204L;
    private static final long MAX_CORPUS_FILE = 60_000;

    @Test
    void mutatedAnimationsAreServedOrRefusedNeverCrash() throws IOException {
        ProcessingEngine.detect(true);
        StandardAnimationCodecs codecs = StandardAnimationCodecs.detect(true);
        ImagePipeline pipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192),
                50_000_000L, 1000, new MemoryBudget(512L << 20, Duration.ofSeconds(5)), true,
                new OutputFormats(false, true, List.of(io.imgorigin.options.FormatRequest.WEBP)), 8, 55,
                200_000_000L, codecs), StageObserver.NONE);
        OptionsParser parser = new OptionsParser(8192, 80);
        String[] queries = {"w=32&f=gif", "w=40&f=webp", "w=24&h=24&fit=cover&g=smart&f=gif", "f=auto&w=30",
                "w=20&h=20&fit=contain&f=webp&bg=00000000"};
        int[] animated = {0};
        PipelineFuzzing.Outcome outcome = PipelineFuzzing.run(seeds(), queries, MUTANTS, SEED, null, mutant -> {
            ProcessedImage image = pipeline.process(mutant.bytes(), new ProcessingRequest(
                    parser.parse(mutant.query()).options(), mutant.random().nextBoolean() ? OutputFormat.WEBP : null,
                    Deadline.after(Duration.ofSeconds(20))));
            if (image.format() == OutputFormat.GIF || image.format() == OutputFormat.WEBP) {
                animated[0]++;
            }
            return image;
        });
        System.out.printf("animation fuzz (WebP demux %s, mux %s): %s (%d served as GIF/WebP)%n", codecs.readsWebp(),
                codecs.writesWebp(), outcome.summary(MUTANTS), animated[0]);
        assertThat(outcome.escaped()).isEmpty();
        assertThat(outcome.served()).as("some mutants still decode").isPositive();
        assertThat(outcome.refused()).as("some mutants are refused").isPositive();
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        List<AnimatedGifs.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            BufferedImage image = new BufferedImage(30 + 5 * i, 20 + 3 * i, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(60 * i, 200 - 40 * i, 90));
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.WHITE);
            g.fillOval(i * 3, i * 2, 12, 12);
            g.dispose();
            frames.add(new AnimatedGifs.Frame(image, 2 * i, i, 40 + 10 * i,
                    i % 2 == 0 ? "restoreToBackgroundColor" : "restoreToPrevious"));
        }
        seeds.add(AnimatedGifs.write(48, 36, 0, frames));
        Path folder = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus")).resolve("animated");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if ((name.endsWith(".gif") || name.endsWith(".webp")) && Files.size(file) <= MAX_CORPUS_FILE) {
                        seeds.add(Files.readAllBytes(file));
                    }
                }
            }
        }
        return seeds;
    }
}
