package io.imgorigin.processing.encode;

import static io.imgorigin.processing.encode.AnimationFrames.canvas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.imgorigin.processing.decode.AnimatedCorpus;
import io.imgorigin.processing.decode.GifFrameReader;
import io.imgorigin.processing.decode.WebpFrameReader;
import io.imgorigin.processing.encode.AnimationFrames.Animation;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;

class WebpFrameWriterTest {

    @BeforeEach
    void needsLibwebp() {
        assumeTrue(WebpFrameWriter.available(), "libwebpmux is not installed: " + WebpFrameWriter.status());
        assumeTrue(WebpFrameReader.available(), "libwebpdemux is not installed: " + WebpFrameReader.status());
    }

    @Test
    void framesDelaysLoopAndCanvasReadBack() {
        byte[] webp;
        try (WebpFrameWriter writer = new WebpFrameWriter(48, 32, 3, 80)) {
            writer.add(new AnimationFrame(canvas(48, 32, 0xFFFF0000, 4, 4, 10, 10, 0xFF0000FF), 120));
            writer.add(new AnimationFrame(canvas(48, 32, 0xFFFF0000, 30, 10, 12, 12, 0x00000000), 40));
            writer.add(new AnimationFrame(canvas(48, 32, 0x00000000, 0, 0, 24, 32, 0xFF00FF00), 0));
            writer.add(new AnimationFrame(canvas(48, 32, 0xFFFFFFFF, 0, 0, 1, 1, 0xFF000000), 1234));
            webp = writer.finish();
        }
        Animation back = AnimationFrames.readAll(new WebpFrameReader(webp));
        assertThat(back.width()).isEqualTo(48);
        assertThat(back.height()).isEqualTo(32);
        assertThat(back.loopCount()).isEqualTo(3);
        assertThat(back.declaredFrames()).isEqualTo(4);
        assertThat(back.delays()).containsExactly(120, 40, 0, 1234);
        List<AnimationFrame> frames = back.frames();
        assertClose(frames.get(0).image().getRGB(8, 8), 0xFF0000FF);
        assertThat(frames.get(1).image().getRGB(35, 15) >>> 24).as("alpha kept").isZero();
        assertClose(frames.get(1).image().getRGB(2, 2), 0xFFFF0000);
        assertThat(frames.get(2).image().getRGB(40, 20) >>> 24).as("transparent over an opaque frame").isZero();
        assertClose(frames.get(2).image().getRGB(10, 20), 0xFF00FF00);
        assertClose(frames.get(3).image().getRGB(20, 20), 0xFFFFFFFF);
    }

    /** Lossy coding moves colours a little; each channel stays within 24 of what was written. */
    private static void assertClose(int actual, int expected) {
        for (int shift = 0; shift <= 24; shift += 8) {
            assertThat(Math.abs((actual >>> shift & 0xFF) - (expected >>> shift & 0xFF)))
                    .as("channel at bit %d of %08x against %08x", shift, actual, expected).isLessThanOrEqualTo(24);
        }
    }

    @Test
    void identicalConsecutiveFramesAreKeptAsFrames() {
        byte[] webp;
        try (WebpFrameWriter writer = new WebpFrameWriter(8, 8, 0, 75)) {
            for (int i = 0; i < 3; i++) {
                writer.add(new AnimationFrame(canvas(8, 8, 0xFF336699, 0, 0, 0, 0, 0), 100 + i));
            }
            webp = writer.finish();
        }
        Animation back = AnimationFrames.readAll(new WebpFrameReader(webp));
        assertThat(back.declaredFrames()).isEqualTo(3);
        assertThat(back.delays()).containsExactly(100, 101, 102);
    }

    static List<AnimatedCorpus> corpus() throws IOException {
        List<AnimatedCorpus> entries = AnimatedCorpus.entries();
        assumeTrue(!entries.isEmpty(), "the shared corpus (../shared/corpus) is absent");
        return entries;
    }

    /** WebP to WebP and GIF to WebP keep frame count, delays, loop count (at most WebP's 65535) and canvas. */
    @ParameterizedTest
    @MethodSource("corpus")
    void corpusAnimationsRoundTrip(AnimatedCorpus entry) throws IOException {
        assumeTrue(WebpFrameWriter.available(), "libwebpmux is not installed");
        byte[] source = Files.readAllBytes(entry.file());
        Animation original = AnimationFrames.readAll(reader(entry, source));
        byte[] webp = AnimationFrames.transcode(reader(entry, source),
                new WebpFrameWriter(original.width(), original.height(), original.loopCount(), 90));
        Animation back = AnimationFrames.readAll(new WebpFrameReader(webp));
        assertThat(back.width()).isEqualTo(entry.width());
        assertThat(back.height()).isEqualTo(entry.height());
        assertThat(back.declaredFrames()).isEqualTo(entry.frames());
        assertThat(back.loopCount()).isEqualTo(Math.min(entry.loop(), 65535));
        assertThat(back.delays()).isEqualTo(original.delays());
        for (int i = 0; i < back.frames().size(); i++) {
            AnimationFrame a = original.frames().get(i);
            AnimationFrame b = back.frames().get(i);
            // lossy 4:2:0 at q90 on small palette images with saturated edges: a mean error of 3 to 9
            assertThat(AnimationFrames.meanDifference(a.image(), b.image())).as("frame %d", i).isLessThan(12);
            assertThat(AnimationFrames.alphaDisagreements(a.image(), b.image())).as("frame %d", i)
                    .isLessThan(entry.width() * entry.height() / 100 + 1);
        }
    }

    private static FrameReader reader(AnimatedCorpus entry, byte[] source) {
        return entry.isGif() ? new GifFrameReader(source) : new WebpFrameReader(source);
    }
}
