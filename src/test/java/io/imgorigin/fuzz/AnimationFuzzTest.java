package io.imgorigin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.imgorigin.processing.decode.AnimatedCorpus;
import io.imgorigin.processing.decode.GifBuilder;
import io.imgorigin.processing.decode.GifFrameReader;
import io.imgorigin.processing.decode.WebpFrameReader;
import io.imgorigin.processing.encode.GifFrameWriter;
import io.imgorigin.processing.encode.WebpFrameWriter;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * {@link ImageFuzzTest}'s mutations over animated GIFs and WebPs (generated here, and the corpus's smaller
 * ones), each mutant given to both frame readers and read to the end. libwebp runs in this JVM, so a
 * native crash would end the run; every mutant must decode or be refused with an
 * {@link UnusableImageException}, and none may hang.
 */
class AnimationFuzzTest {

    private static final int MUTANTS = 400;
    private static final long SEED = 20261204L;
    /** What the pipeline's limits would admit at most, so a mutant cannot make the test JVM run out of heap. */
    private static final long MAX_CANVAS_PIXELS = 4_000_000;
    private static final int MAX_FRAMES_READ = 300;
    private static final int MAX_SEED_BYTES = 120_000;
    private static final Duration HANG = Duration.ofSeconds(10);

    @Test
    void mutatedAnimationsDecodeOrAreRefusedNeverAnythingElse() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        List<String> escaped = new ArrayList<>();
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            PipelineFuzzing.Mutation mutation = PipelineFuzzing.Mutation.values()[random.nextInt(
                    PipelineFuzzing.Mutation.values().length)];
            byte[] mutant = mutation.apply(seed, new Random(random.nextLong()));
            for (boolean gif : new boolean[] {true, false}) {
                if (!gif && !WebpFrameReader.available()) {
                    continue;
                }
                long started = System.nanoTime();
                try {
                    readAll(gif ? new GifFrameReader(mutant, MAX_CANVAS_PIXELS)
                            : new WebpFrameReader(mutant, MAX_CANVAS_PIXELS));
                    decoded++;
                } catch (UnusableImageException e) {
                    refused++;
                } catch (RuntimeException | Error e) {
                    escaped.add("mutant " + i + " (" + mutation + ") to the " + (gif ? "GIF" : "WebP") + " reader: " + e);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (took.compareTo(HANG) > 0) {
                    escaped.add("mutant " + i + " (" + mutation + ") took " + took);
                }
            }
        }
        assertThat(escaped).isEmpty();
        assertThat(decoded).as("mutants decoded").isPositive();
        assertThat(refused).as("mutants refused").isPositive();
    }

    private static void readAll(FrameReader reader) {
        try (reader) {
            assertThat(reader.canvasWidth()).isPositive();
            assertThat(reader.canvasHeight()).isPositive();
            int frames = 0;
            for (AnimationFrame frame = reader.next(); frame != null && frames < MAX_FRAMES_READ; frame = reader.next()) {
                if (frame.image().getWidth() != reader.canvasWidth() || frame.image().getHeight() != reader.canvasHeight()) {
                    throw new AssertionError("a frame not of the canvas size");
                }
                frames++;
            }
        }
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(new GifBuilder(24, 16).globalPalette(0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF).netscapeLoops(3)
                .frame(GifBuilder.Frame.filled(0, 0, 24, 16, 0, 1, 10))
                .frame(GifBuilder.Frame.filled(4, 2, 8, 8, 1, 2, 20).withTransparent(0))
                .frame(GifBuilder.Frame.filled(6, 6, 10, 9, 2, 3, 5).withLocalPalette(new int[] {0x123456, 0x654321,
                    0xABCDEF, 0}).interlace())
                .build());
        BufferedImage[] canvases = new BufferedImage[3];
        for (int f = 0; f < canvases.length; f++) {
            canvases[f] = new BufferedImage(32, 24, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 32; x++) {
                    int alpha = (x + f * 5) % 11 == 0 ? 0 : 0xFF;
                    canvases[f].setRGB(x, y, alpha << 24 | (x * 8) << 16 | (y * 10) << 8 | f * 80);
                }
            }
        }
        try (GifFrameWriter writer = new GifFrameWriter(32, 24, 0, true)) {
            for (BufferedImage canvas : canvases) {
                writer.add(new AnimationFrame(canvas, 70));
            }
            seeds.add(writer.finish());
        }
        if (WebpFrameWriter.available()) {
            try (WebpFrameWriter writer = new WebpFrameWriter(32, 24, 2, 70)) {
                for (BufferedImage canvas : canvases) {
                    writer.add(new AnimationFrame(canvas, 90));
                }
                seeds.add(writer.finish());
            }
        }
        for (AnimatedCorpus entry : AnimatedCorpus.entries()) {
            if (Files.size(entry.file()) <= MAX_SEED_BYTES) {
                seeds.add(Files.readAllBytes(entry.file()));
            }
        }
        return seeds;
    }
}
