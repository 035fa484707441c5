package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.FrameReader;

/**
 * Every animated GIF and WebP of the shared corpus reads back with the frame count, canvas, loop count and
 * delays its manifest states, with its first frame's mean colour; GIFs are also composited exactly as ImageMagick's {@code -coalesce} does.
 */
class AnimatedCorpusTest {

    static List<AnimatedCorpus> files() throws IOException {
        List<AnimatedCorpus> entries = AnimatedCorpus.entries();
        assumeTrue(!entries.isEmpty(), "the shared corpus (../shared/corpus) is absent");
        return entries;
    }

    static FrameReader open(AnimatedCorpus entry) throws IOException {
        byte[] bytes = Files.readAllBytes(entry.file());
        if (entry.isGif()) {
            return new GifFrameReader(bytes);
        }
        assumeTrue(WebpFrameReader.available(), "libwebpdemux is not installed: " + WebpFrameReader.status());
        return new WebpFrameReader(bytes);
    }

    @ParameterizedTest
    @MethodSource("files")
    void framesCanvasLoopAndDelaysAreTheManifests(AnimatedCorpus entry) throws IOException {
        try (FrameReader reader = open(entry)) {
            assertThat(reader.canvasWidth()).isEqualTo(entry.width());
            assertThat(reader.canvasHeight()).isEqualTo(entry.height());
            assertThat(reader.frameCount()).isEqualTo(entry.frames());
            assertThat(reader.loopCount()).isEqualTo(entry.loop());
            int index = 0;
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next()) {
                if (index < entry.firstDelays().length) {
                    assertThat(frame.delayMillis()).as("delay of frame %d", index).isEqualTo(entry.firstDelays()[index]);
                }
                assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
                if (index == 0) {
                    assertThat(meanOnWhite(frame.image())).as("first frame's mean sRGB")
                            .satisfies(mean -> assertThat(mean[0]).isCloseTo(entry.firstFrameMean()[0], within(1)))
                            .satisfies(mean -> assertThat(mean[1]).isCloseTo(entry.firstFrameMean()[1], within(1)))
                            .satisfies(mean -> assertThat(mean[2]).isCloseTo(entry.firstFrameMean()[2], within(1)));
                }
                index++;
            }
            assertThat(index).isEqualTo(entry.frames());
        }
    }

    /** The mean of each channel with every pixel blended onto white, rounded. */
    private static int[] meanOnWhite(BufferedImage image) {
        long[] sums = new long[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                for (int c = 0; c < 3; c++) {
                    int value = argb >> (16 - 8 * c) & 0xFF;
                    sums[c] += (value * alpha + 255 * (255 - alpha) + 127) / 255;
                }
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        return new int[] {(int) Math.round(sums[0] / (double) pixels), (int) Math.round(sums[1] / (double) pixels),
            (int) Math.round(sums[2] / (double) pixels)};
    }

    @ParameterizedTest
    @MethodSource("files")
    void gifFramesAreCompositedAsImageMagickCoalescesThem(AnimatedCorpus entry) throws Exception {
        assumeTrue(entry.isGif(), "ImageMagick is the reference for GIFs only");
        Path convert = Path.of("/usr/local/bin/convert");
        if (!Files.isExecutable(convert)) {
            convert = Path.of("/usr/bin/convert");
        }
        assumeTrue(Files.isExecutable(convert), "ImageMagick's convert is not installed");
        Process process = new ProcessBuilder(convert.toString(), entry.file().toString(), "-coalesce", "-depth", "8",
                "rgba:-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] reference;
        try (InputStream in = process.getInputStream()) {
            reference = in.readAllBytes();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(process.exitValue() == 0, "convert failed on " + entry);
        byte[] gif = Files.readAllBytes(entry.file());
        // ImageMagick starts from the logical screen's background colour where browsers (and this reader) start
        // from transparency; where only that differs, the pixel is not counted.
        int background = (gif[10] & 0x80) != 0 ? 0xFF000000 | (gif[13 + 3 * (gif[11] & 0xFF)] & 0xFF) << 16
                | (gif[14 + 3 * (gif[11] & 0xFF)] & 0xFF) << 8 | gif[15 + 3 * (gif[11] & 0xFF)] & 0xFF : 0;
        try (FrameReader reader = open(entry)) {
            int canvas = reader.canvasWidth() * reader.canvasHeight();
            assertThat(reference.length).isEqualTo(canvas * 4L * reader.frameCount());
            int index = 0;
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next(), index++) {
                int[] ours = frame.image().getRGB(0, 0, reader.canvasWidth(), reader.canvasHeight(), null, 0,
                        reader.canvasWidth());
                int differing = 0;
                for (int i = 0; i < canvas; i++) {
                    int at = (index * canvas + i) * 4;
                    int theirs = (reference[at + 3] & 0xFF) << 24 | (reference[at] & 0xFF) << 16
                            | (reference[at + 1] & 0xFF) << 8 | reference[at + 2] & 0xFF;
                    boolean bothClear = ours[i] >>> 24 == 0 && theirs >>> 24 == 0;
                    boolean backgroundFill = ours[i] >>> 24 == 0 && theirs == background;
                    if (!bothClear && !backgroundFill && ours[i] != theirs) {
                        differing++;
                    }
                }
                assertThat(differing).as("pixels of frame %d unlike ImageMagick's", index).isZero();
            }
        }
    }
}
