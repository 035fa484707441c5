package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.imgorigin.processing.decode.GifBuilder.Frame;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.UnusableImageException;

class GifFrameReaderTest {

    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int WHITE = 0xFFFFFF;
    private static final int TRANSPARENT = 0;

    private static List<AnimationFrame> readAll(byte[] gif) {
        List<AnimationFrame> frames = new ArrayList<>();
        try (GifFrameReader reader = new GifFrameReader(gif)) {
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next()) {
                assertThat(frame.image().getWidth()).isEqualTo(reader.canvasWidth());
                assertThat(frame.image().getHeight()).isEqualTo(reader.canvasHeight());
                frames.add(frame);
            }
            assertThat(frames).hasSize(reader.frameCount());
        }
        return frames;
    }

    private static int opaque(int rgb) {
        return 0xFF000000 | rgb;
    }

    @Test
    void framesSmallerThanTheCanvasAreDrawnAtTheirOffsetsOverTransparency() {
        byte[] gif = new GifBuilder(10, 8).globalPalette(RED, GREEN, BLUE, WHITE)
                .frame(Frame.filled(0, 0, 4, 4, 0, 1, 10))
                .frame(Frame.filled(5, 3, 3, 2, 1, 1, 25))
                .build();
        List<AnimationFrame> frames = readAll(gif);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).delayMillis()).isEqualTo(100);
        assertThat(frames.get(1).delayMillis()).isEqualTo(250);
        assertThat(frames.get(0).image().getRGB(3, 3)).isEqualTo(opaque(RED));
        assertThat(frames.get(0).image().getRGB(4, 4)).isEqualTo(TRANSPARENT);
        assertThat(frames.get(0).image().getRGB(5, 3)).isEqualTo(TRANSPARENT);
        // disposal 1 keeps the red square under the green one
        assertThat(frames.get(1).image().getRGB(0, 0)).isEqualTo(opaque(RED));
        assertThat(frames.get(1).image().getRGB(5, 3)).isEqualTo(opaque(GREEN));
        assertThat(frames.get(1).image().getRGB(7, 4)).isEqualTo(opaque(GREEN));
        assertThat(frames.get(1).image().getRGB(8, 4)).isEqualTo(TRANSPARENT);
        assertThat(frames.get(1).image().getRGB(7, 5)).isEqualTo(TRANSPARENT);
    }

    @Test
    void restoreToBackgroundClearsTheFrameRectangleToTransparent() {
        byte[] gif = new GifBuilder(6, 6).globalPalette(RED, GREEN)
                .frame(Frame.filled(0, 0, 6, 6, 0, 1, 5))
                .frame(Frame.filled(1, 1, 2, 2, 1, 2, 5))
                .frame(Frame.filled(4, 4, 1, 1, 1, 0, 5))
                .build();
        List<AnimationFrame> frames = readAll(gif);
        assertThat(frames.get(1).image().getRGB(1, 1)).isEqualTo(opaque(GREEN));
        assertThat(frames.get(2).image().getRGB(1, 1)).isEqualTo(TRANSPARENT);
        assertThat(frames.get(2).image().getRGB(2, 2)).isEqualTo(TRANSPARENT);
        assertThat(frames.get(2).image().getRGB(3, 3)).isEqualTo(opaque(RED));
        assertThat(frames.get(2).image().getRGB(4, 4)).isEqualTo(opaque(GREEN));
    }

    @Test
    void restoreToPreviousPutsBackTheCanvasAsItWasBeforeTheFrame() {
        byte[] gif = new GifBuilder(4, 4).globalPalette(RED, GREEN, BLUE)
                .frame(Frame.filled(0, 0, 2, 4, 0, 1, 5))
                .frame(Frame.filled(0, 0, 4, 4, 1, 3, 5))
                .frame(Frame.filled(3, 3, 1, 1, 2, 3, 5))
                .frame(Frame.filled(3, 0, 1, 1, 2, 1, 5))
                .build();
        List<AnimationFrame> frames = readAll(gif);
        assertThat(frames.get(1).image().getRGB(3, 3)).isEqualTo(opaque(GREEN));
        assertThat(frames.get(1).image().getRGB(0, 0)).isEqualTo(opaque(GREEN));
        // after frame 1 is restored away: red left half, transparent right half, then frame 2's blue dot
        assertThat(frames.get(2).image().getRGB(0, 0)).isEqualTo(opaque(RED));
        assertThat(frames.get(2).image().getRGB(2, 0)).isEqualTo(TRANSPARENT);
        assertThat(frames.get(2).image().getRGB(3, 3)).isEqualTo(opaque(BLUE));
        // frame 2 restored away too
        assertThat(frames.get(3).image().getRGB(3, 3)).isEqualTo(TRANSPARENT);
        assertThat(frames.get(3).image().getRGB(3, 0)).isEqualTo(opaque(BLUE));
        assertThat(frames.get(3).image().getRGB(1, 2)).isEqualTo(opaque(RED));
    }

    @Test
    void theTransparentIndexLeavesWhatIsUnderneath() {
        int[] checker = new int[16];
        for (int i = 0; i < checker.length; i++) {
            checker[i] = (i / 4 + i % 4) % 2 == 0 ? 2 : 1;
        }
        byte[] gif = new GifBuilder(4, 4).globalPalette(RED, GREEN, BLUE)
                .frame(Frame.filled(0, 0, 4, 4, 0, 1, 5))
                .frame(new Frame(0, 0, 4, 4, checker, null, 1, 5, 2, false))
                .build();
        List<AnimationFrame> frames = readAll(gif);
        assertThat(frames.get(1).image().getRGB(0, 0)).isEqualTo(opaque(RED));
        assertThat(frames.get(1).image().getRGB(1, 0)).isEqualTo(opaque(GREEN));
        assertThat(frames.get(1).image().getRGB(1, 1)).isEqualTo(opaque(RED));
        assertThat(frames.get(1).image().getRGB(2, 1)).isEqualTo(opaque(GREEN));
    }

    @Test
    void aTransparentFirstFrameShowsTransparentPixels() {
        byte[] gif = new GifBuilder(2, 1).globalPalette(RED, GREEN)
                .frame(new Frame(0, 0, 2, 1, new int[] {0, 1}, null, 0, 0, 1, false))
                .build();
        List<AnimationFrame> frames = readAll(gif);
        assertThat(frames.get(0).image().getRGB(0, 0)).isEqualTo(opaque(RED));
        assertThat(frames.get(0).image().getRGB(1, 0)).isEqualTo(TRANSPARENT);
        assertThat(frames.get(0).delayMillis()).isZero();
    }

    @Test
    void aLocalPaletteReplacesTheGlobalOneForItsFrameOnly() {
        byte[] gif = new GifBuilder(3, 1).globalPalette(RED, GREEN)
                .frame(new Frame(0, 0, 1, 1, new int[] {1}, null, 1, 5, -1, false))
                .frame(new Frame(1, 0, 1, 1, new int[] {1}, new int[] {WHITE, BLUE}, 1, 5, -1, false))
                .frame(new Frame(2, 0, 1, 1, new int[] {0}, null, 1, 5, -1, false))
                .build();
        List<AnimationFrame> frames = readAll(gif);
        assertThat(frames.get(2).image().getRGB(0, 0)).isEqualTo(opaque(GREEN));
        assertThat(frames.get(2).image().getRGB(1, 0)).isEqualTo(opaque(BLUE));
        assertThat(frames.get(2).image().getRGB(2, 0)).isEqualTo(opaque(RED));
    }

    @Test
    void interlacedRowsLandWhereTheyBelong() {
        int width = 3;
        int height = 11;
        int[] rows = new int[width * height];
        int[] palette = new int[16];
        for (int y = 0; y < height; y++) {
            palette[y] = 0x100000 * y + 0x000010 * (15 - y);
            Arrays.fill(rows, y * width, (y + 1) * width, y);
        }
        byte[] gif = new GifBuilder(width, height).globalPalette(palette)
                .frame(new Frame(0, 0, width, height, rows, null, 0, 5, -1, false).interlace())
                .build();
        AnimationFrame frame = readAll(gif).getFirst();
        for (int y = 0; y < height; y++) {
            assertThat(frame.image().getRGB(1, y)).as("row %d", y).isEqualTo(opaque(palette[y]));
        }
    }

    @Test
    void loopCountCountsPlays() {
        Frame dot = Frame.filled(0, 0, 1, 1, 0, 0, 5);
        try (GifFrameReader reader = new GifFrameReader(new GifBuilder(1, 1).globalPalette(RED).frame(dot).build())) {
            assertThat(reader.loopCount()).as("no NETSCAPE2.0: plays once").isEqualTo(1);
        }
        try (GifFrameReader reader = new GifFrameReader(
                new GifBuilder(1, 1).globalPalette(RED).netscapeLoops(0).frame(dot).frame(dot).build())) {
            assertThat(reader.loopCount()).isZero();
        }
        try (GifFrameReader reader = new GifFrameReader(
                new GifBuilder(1, 1).globalPalette(RED).netscapeLoops(4).frame(dot).frame(dot).build())) {
            assertThat(reader.loopCount()).as("4 repeats: 5 plays").isEqualTo(5);
        }
    }

    @Test
    void aThousandFramesDecodeOneAtATime() {
        GifBuilder builder = new GifBuilder(40, 25).globalPalette(RED, GREEN, BLUE, WHITE).netscapeLoops(0);
        for (int i = 0; i < 1000; i++) {
            builder.frame(Frame.filled(i % 40, i % 25, 1, 1, i % 4, 1, i % 7));
        }
        int[] colours = {RED, GREEN, BLUE, WHITE};
        try (GifFrameReader reader = new GifFrameReader(builder.build())) {
            assertThat(reader.frameCount()).isEqualTo(1000);
            assertThat(reader.loopCount()).isZero();
            int seen = 0;
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next()) {
                assertThat(frame.delayMillis()).isEqualTo(seen % 7 * 10);
                assertThat(frame.image().getRGB(seen % 40, seen % 25)).isEqualTo(opaque(colours[seen % 4]));
                seen++;
            }
            assertThat(seen).isEqualTo(1000);
        }
    }

    @Test
    void aFrameReachingPastTheCanvasIsUnusable() {
        byte[] gif = new GifBuilder(4, 4).globalPalette(RED)
                .frame(Frame.filled(0, 0, 4, 4, 0, 1, 5))
                .frame(Frame.filled(2, 1, 3, 2, 0, 1, 5))
                .build();
        assertThatThrownBy(() -> new GifFrameReader(gif)).isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("exceeds the 4x4 canvas");
    }

    @Test
    void everyTruncationIsUnusableOrAShorterAnimationNeverAnotherError() {
        byte[] gif = new GifBuilder(16, 16).globalPalette(RED, GREEN, BLUE)
                .netscapeLoops(0)
                .frame(Frame.filled(0, 0, 16, 16, 0, 1, 5))
                .frame(Frame.filled(2, 2, 8, 8, 1, 2, 5).withTransparent(0))
                .frame(Frame.filled(4, 4, 8, 8, 2, 3, 5))
                .build();
        int unusable = 0;
        for (int length = 0; length < gif.length; length++) {
            byte[] cut = Arrays.copyOf(gif, length);
            try {
                List<AnimationFrame> frames = readAll(cut);
                // only the trailer may go missing with every frame kept, as viewers accept
                assertThat(frames.size()).as("frames left after a cut at %d", length)
                        .isBetween(1, length == gif.length - 1 ? 3 : 2);
            } catch (UnusableImageException e) {
                unusable++;
            }
        }
        assertThat(unusable).isGreaterThan(gif.length / 2);
    }

    @Test
    void aCutInsideFrameDataIsUnusable() {
        byte[] gif = new GifBuilder(16, 16).globalPalette(RED, GREEN)
                .frame(Frame.filled(0, 0, 16, 16, 0, 1, 5))
                .frame(Frame.filled(0, 0, 16, 16, 1, 1, 5))
                .build();
        byte[] cut = Arrays.copyOf(gif, gif.length - 40);
        assertThatThrownBy(() -> new GifFrameReader(cut)).isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void notAGifIsUnusable() {
        assertThatThrownBy(() -> new GifFrameReader("GIF89a".getBytes())).isInstanceOf(UnusableImageException.class);
        assertThatThrownBy(() -> new GifFrameReader(new byte[] {1, 2, 3})).isInstanceOf(UnusableImageException.class);
    }
}
