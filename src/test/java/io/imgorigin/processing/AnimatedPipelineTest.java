package io.imgorigin.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.processing.format.OutputFormats;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.FrameWriter;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.ProcessingTimeoutException;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.testing.AnimatedGifs;

/**
 * The frame loop inside the standard pipeline, with recording stand-ins for the animated decoder and encoder:
 * which requests keep the frames, and that every frame gets the geometry, delays and loop count of the source.
 */
class AnimatedPipelineTest {

    private static final int WIDTH = 100;
    private static final int HEIGHT = 80;

    /** Frames the stand-in reader gives: one solid colour each, delays 10, 20, 30... ms, loop count 3. */
    private final List<BufferedImage> source = new ArrayList<>();
    private final List<AnimationFrame> written = new ArrayList<>();
    private final List<String> writers = new ArrayList<>();
    private Runnable beforeEachFrame = () -> { };

    private final AnimationCodecs codecs = new AnimationCodecs() {
        @Override
        public boolean reads(SourceFormat format) {
            return format == SourceFormat.GIF || format == SourceFormat.WEBP;
        }

        @Override
        public boolean writes(OutputFormat format) {
            return format == OutputFormat.GIF || format == OutputFormat.WEBP;
        }

        @Override
        public FrameReader reader(SourceFormat format, byte[] bytes) {
            return new FrameReader() {
                private int next;

                public int canvasWidth() { return WIDTH; }
                public int canvasHeight() { return HEIGHT; }
                public int frameCount() { return source.size(); }
                public int loopCount() { return 3; }

                public AnimationFrame next() {
                    beforeEachFrame.run();
                    if (next == source.size()) {
                        return null;
                    }
                    next++;
                    return new AnimationFrame(source.get(next - 1), 10 * next);
                }

                public void close() { }
            };
        }

        @Override
        public FrameWriter writer(OutputFormat format, int width, int height, int loopCount, int quality) {
            writers.add(format + " " + width + "×" + height + " loop " + loopCount + " q" + quality);
            return new FrameWriter() {
                public void add(AnimationFrame frame) {
                    assertThat(frame.image().getWidth()).isEqualTo(width);
                    assertThat(frame.image().getHeight()).isEqualTo(height);
                    written.add(frame);
                }

                public byte[] finish() { return new byte[] {(byte) written.size()}; }

                public void close() { }
            };
        }
    };

    private ImagePipeline pipeline() {
        StandardPipeline.Settings settings = new StandardPipeline.Settings(new Geometry(8192), 50_000_000, 1000,
                new MemoryBudget(1L << 30, Duration.ofSeconds(1)), false, new OutputFormats(false, true,
                List.of(io.imgorigin.options.FormatRequest.AVIF, io.imgorigin.options.FormatRequest.WEBP)),
                8, 55, 200_000_000, codecs);
        return StandardPipeline.assemble(settings, StageObserver.NONE);
    }

    private ProcessedImage process(String query, OutputFormat autoFormat, Deadline deadline) {
        ProcessingRequest request = new ProcessingRequest(new OptionsParser(8192, 80).parse(query).options(),
                autoFormat, deadline);
        return pipeline().process(gif(source.size()), request);
    }

    private ProcessedImage process(String query, OutputFormat autoFormat) {
        return process(query, autoFormat, Deadline.after(Duration.ofMinutes(1)));
    }

    /** A real GIF of the same canvas and frame count, for the probe and the first-frame path. */
    private static byte[] gif(int frames) {
        List<AnimatedGifs.Frame> stored = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            stored.add(new AnimatedGifs.Frame(solid(new Color(200, 40 * i % 256, 0)), 10 * (i + 1)));
        }
        return AnimatedGifs.write(WIDTH, HEIGHT, 3, stored);
    }

    private static BufferedImage solid(Color color) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return image;
    }

    private void frames(int count) {
        for (int i = 0; i < count; i++) {
            source.add(solid(new Color(10 * i % 256, 100, 200)));
        }
    }

    @Test
    void everyFrameGetsTheGeometryDelaysAndLoopCount() {
        frames(5);

        ProcessedImage result = process("w=50", null);

        assertThat(result.format()).isEqualTo(OutputFormat.GIF);
        assertThat(result.width()).isEqualTo(50);
        assertThat(result.height()).isEqualTo(40);
        assertThat(writers).containsExactly("GIF 50×40 loop 3 q80");
        assertThat(written).extracting(AnimationFrame::delayMillis).containsExactly(10, 20, 30, 40, 50);
        for (int i = 0; i < 5; i++) {
            assertThat(written.get(i).image().getRGB(25, 20) & 0xFFFFFF).as("frame %d", i)
                    .isEqualTo(new Color(10 * i % 256, 100, 200).getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void coverAndPadApplyToEveryFrame() {
        frames(3);

        ProcessedImage cover = process("w=30&h=30&fit=cover&f=webp&q=70", null);
        assertThat(writers).containsExactly("WEBP 30×30 loop 3 q70");
        assertThat(cover.width()).isEqualTo(30);
        assertThat(written).hasSize(3).allSatisfy(frame -> assertThat(frame.image().getWidth()).isEqualTo(30));

        written.clear();
        ProcessedImage contain = process("w=60&h=60&fit=contain&bg=00ff00&f=gif", null);
        assertThat(contain.height()).isEqualTo(60);
        assertThat(written).hasSize(3).allSatisfy(frame ->
                assertThat(frame.image().getRGB(30, 2) & 0xFFFFFF).as("padding").isEqualTo(0x00FF00));
    }

    @Test
    void autoGivesWebpWhereAcceptedElseGifNeverAvif() {
        frames(2);
        assertThat(process("f=auto", OutputFormat.WEBP).format()).isEqualTo(OutputFormat.WEBP);
        assertThat(process("f=auto", null).format()).isEqualTo(OutputFormat.GIF);
        assertThat(process("f=auto", OutputFormat.AVIF).format()).isNotEqualTo(OutputFormat.AVIF);
        assertThat(written).hasSize(6);
    }

    @Test
    void stillOutputsAndAnimFalseTakeTheFirstFrame() {
        frames(3);
        ProcessedImage png = process("f=png", null);
        assertThat(png.format()).isEqualTo(OutputFormat.PNG);
        assertThat(writers).isEmpty();

        ProcessedImage webp = process("f=webp&anim=false", null);
        assertThat(webp.format()).isEqualTo(OutputFormat.WEBP);
        assertThat(writers).isEmpty();
        assertThat(webp.bytes().length).as("a real still WebP, not the stand-in's one byte").isGreaterThan(20);
    }

    @Test
    void smartGravityDecidesOnceFromTheFirstFrame() {
        // Detail on the left of the first frame and on the right of the second; the rest flat grey.
        source.add(detailed(0));
        source.add(detailed(WIDTH - 40));

        process("w=40&h=80&fit=cover&g=smart&f=gif", null);

        assertThat(written).hasSize(2);
        assertThat(variance(written.get(0).image())).as("first frame: its detail is kept").isGreaterThan(1000);
        assertThat(variance(written.get(1).image())).as("second frame: cut at the first frame's window")
                .isLessThan(10);
    }

    @Test
    void theDeadlineIsCheckedBetweenFrames() throws Exception {
        frames(50);
        byte[] gif = gif(50);
        ProcessingRequest[] request = new ProcessingRequest[1];
        // The reader holds the third frame back until the deadline has passed; the step must then stop.
        int[] handedOut = {0};
        beforeEachFrame = () -> {
            if (++handedOut[0] == 3) {
                while (!request[0].deadline().expired()) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        ImagePipeline pipeline = pipeline();
        request[0] = new ProcessingRequest(new OptionsParser(8192, 80).parse("w=50").options(), null,
                Deadline.after(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> pipeline.process(gif, request[0])).isInstanceOf(ProcessingTimeoutException.class)
                .hasMessageContaining("animate");
        assertThat(written).hasSize(3);
    }

    @Test
    void moreFramesThanTheHeaderDeclaresAreRefused() {
        frames(3);
        byte[] twoFrames = gif(2);
        ProcessingRequest request = new ProcessingRequest(new OptionsParser(8192, 80).parse("w=50").options(),
                null, Deadline.after(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> pipeline().process(twoFrames, request)).isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("more frames than its header declares");
    }

    private static BufferedImage detailed(int detailX) {
        BufferedImage image = solid(Color.GRAY);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = detailX; x < detailX + 40; x++) {
                image.setRGB(x, y, ((x / 2 + y / 2) & 1) == 0 ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    private static double variance(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int g = image.getRGB(x, y) >> 8 & 0xFF;
                sum += g;
                squares += (double) g * g;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }
}
