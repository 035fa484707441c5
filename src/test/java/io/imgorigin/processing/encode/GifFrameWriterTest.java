package io.imgorigin.processing.encode;

import static io.imgorigin.processing.encode.AnimationFrames.canvas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.imgorigin.processing.decode.AnimatedCorpus;
import io.imgorigin.processing.decode.GifFrameReader;
import io.imgorigin.processing.decode.WebpFrameReader;
import io.imgorigin.processing.encode.AnimationFrames.Animation;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;

class GifFrameWriterTest {

    @Test
    void framesDelaysLoopCanvasAndPixelsReadBack() {
        byte[] gif;
        try (GifFrameWriter writer = new GifFrameWriter(30, 20, 4, false)) {
            writer.add(new AnimationFrame(canvas(30, 20, 0xFFFF0000, 2, 2, 5, 5, 0xFF0000FF), 120));
            writer.add(new AnimationFrame(canvas(30, 20, 0xFF00FF00, 10, 5, 6, 6, 0x00000000), 44));
            writer.add(new AnimationFrame(canvas(30, 20, 0xFFFFFF00, 0, 0, 30, 1, 0xFF123456), 5));
            gif = writer.finish();
        }
        Animation back = AnimationFrames.readAll(new GifFrameReader(gif));
        assertThat(back.width()).isEqualTo(30);
        assertThat(back.height()).isEqualTo(20);
        assertThat(back.loopCount()).isEqualTo(4);
        assertThat(back.declaredFrames()).isEqualTo(3);
        assertThat(back.delays()).as("rounded to centiseconds").containsExactly(120, 40, 10);
        List<AnimationFrame> frames = back.frames();
        assertThat(frames.get(0).image().getRGB(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(frames.get(0).image().getRGB(3, 3)).isEqualTo(0xFF0000FF);
        assertThat(frames.get(1).image().getRGB(0, 0)).isEqualTo(0xFF00FF00);
        assertThat(frames.get(1).image().getRGB(12, 7)).as("transparent where the previous frame was opaque")
                .isEqualTo(0);
        assertThat(frames.get(2).image().getRGB(12, 7)).isEqualTo(0xFFFFFF00);
        assertThat(frames.get(2).image().getRGB(29, 0)).isEqualTo(0xFF123456);
    }

    @Test
    void eachFrameHasItsOwnPalette() {
        byte[] gif;
        int[][] colours = new int[3][];
        try (GifFrameWriter writer = new GifFrameWriter(16, 16, 0, false)) {
            for (int f = 0; f < 3; f++) {
                colours[f] = new int[256];
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
                for (int i = 0; i < 256; i++) {
                    colours[f][i] = 0xFF000000 | (f * 85) << 16 | i << 8 | (255 - i);
                    image.setRGB(i % 16, i / 16, colours[f][i]);
                }
                writer.add(new AnimationFrame(image, 100));
            }
            gif = writer.finish();
        }
        Animation back = AnimationFrames.readAll(new GifFrameReader(gif));
        assertThat(back.loopCount()).isZero();
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 256; i++) {
                assertThat(back.frames().get(f).image().getRGB(i % 16, i / 16)).isEqualTo(colours[f][i]);
            }
        }
    }

    @Test
    void loopCountMapsToTheNetscapeExtension() {
        for (int loops : new int[] {0, 1, 2, 65536}) {
            byte[] gif;
            try (GifFrameWriter writer = new GifFrameWriter(2, 2, loops, false)) {
                writer.add(new AnimationFrame(canvas(2, 2, 0xFF000000, 0, 0, 1, 1, 0xFFFFFFFF), 10));
                writer.add(new AnimationFrame(canvas(2, 2, 0xFFFFFFFF, 0, 0, 1, 1, 0xFF000000), 10));
                gif = writer.finish();
            }
            boolean netscape = new String(gif, java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0");
            assertThat(netscape).as("NETSCAPE2.0 for %d plays", loops).isEqualTo(loops != 1);
            try (GifFrameReader reader = new GifFrameReader(gif)) {
                assertThat(reader.loopCount()).isEqualTo(loops);
            }
        }
    }

    @Test
    void oneFrameIsAStillGifAnyReaderOpens() throws IOException {
        BufferedImage source = canvas(9, 7, 0xFF808080, 2, 2, 3, 3, 0x00000000);
        byte[] gif;
        try (GifFrameWriter writer = new GifFrameWriter(9, 7, 1, true)) {
            writer.add(new AnimationFrame(source, 0));
            gif = writer.finish();
        }
        BufferedImage still = ImageIO.read(new ByteArrayInputStream(gif));
        assertThat(still.getWidth()).isEqualTo(9);
        assertThat(still.getHeight()).isEqualTo(7);
        assertThat(still.getRGB(0, 0)).isEqualTo(0xFF808080);
        assertThat(still.getRGB(3, 3) >>> 24).isZero();
    }

    @Test
    void framesOfAnotherSizeAndEmptyAnimationsAreRefused() {
        try (GifFrameWriter writer = new GifFrameWriter(4, 4, 0, false)) {
            assertThatThrownBy(() -> writer.add(new AnimationFrame(new BufferedImage(4, 5,
                    BufferedImage.TYPE_INT_ARGB), 10))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aThousandFramesRoundTrip() {
        byte[] gif;
        try (GifFrameWriter writer = new GifFrameWriter(20, 10, 0, false)) {
            for (int i = 0; i < 1000; i++) {
                writer.add(new AnimationFrame(canvas(20, 10, 0xFF000000, i % 20, i % 10, 1, 1, 0xFFFFFFFF), 20 + i % 3 * 10));
            }
            gif = writer.finish();
        }
        try (GifFrameReader reader = new GifFrameReader(gif)) {
            assertThat(reader.frameCount()).isEqualTo(1000);
            int i = 0;
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next(), i++) {
                assertThat(frame.delayMillis()).isEqualTo(20 + i % 3 * 10);
                assertThat(frame.image().getRGB(i % 20, i % 10)).isEqualTo(0xFFFFFFFF);
                assertThat(frame.image().getRGB((i + 1) % 20, i % 10)).isEqualTo(0xFF000000);
            }
            assertThat(i).isEqualTo(1000);
        }
    }

    static List<AnimatedCorpus> corpus() throws IOException {
        List<AnimatedCorpus> entries = AnimatedCorpus.entries();
        assumeTrue(!entries.isEmpty(), "the shared corpus (../shared/corpus) is absent");
        return entries;
    }

    /** GIF to GIF keeps everything; WebP to GIF keeps frames, canvas, loop and delays to the centisecond. */
    @ParameterizedTest
    @MethodSource("corpus")
    void corpusAnimationsRoundTrip(AnimatedCorpus entry) throws IOException {
        byte[] source = Files.readAllBytes(entry.file());
        if (!entry.isGif()) {
            assumeTrue(WebpFrameReader.available(), "libwebpdemux is not installed");
        }
        Animation original = AnimationFrames.readAll(reader(entry, source));
        byte[] gif = AnimationFrames.transcode(reader(entry, source),
                new GifFrameWriter(original.width(), original.height(), original.loopCount(), true));
        Animation back = AnimationFrames.readAll(new GifFrameReader(gif));
        assertThat(back.width()).isEqualTo(entry.width());
        assertThat(back.height()).isEqualTo(entry.height());
        assertThat(back.declaredFrames()).isEqualTo(entry.frames());
        assertThat(back.loopCount()).isEqualTo(entry.loop());
        for (int i = 0; i < back.frames().size(); i++) {
            AnimationFrame a = original.frames().get(i);
            AnimationFrame b = back.frames().get(i);
            assertThat(b.delayMillis()).isEqualTo((a.delayMillis() + 5) / 10 * 10);
            double limit = entry.isGif() ? 3 : 12;
            assertThat(AnimationFrames.meanDifference(a.image(), b.image())).as("frame %d", i).isLessThan(limit);
            assertThat(AnimationFrames.alphaDisagreements(a.image(), b.image())).as("frame %d", i).isZero();
        }
    }

    private static FrameReader reader(AnimatedCorpus entry, byte[] source) {
        return entry.isGif() ? new GifFrameReader(source) : new WebpFrameReader(source);
    }
}
