package io.imgorigin.processing.probe;

import io.imgorigin.processing.decode.TestImageBytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.Geometry;

class ProbeStepTest {

    private final ProbeStep probe = new ProbeStep(new HeaderReader(), new Geometry(8192), 50_000_000, 100);

    private static ProcessingContext context(byte[] source, String query) {
        return new ProcessingContext(source, new ProcessingRequest(new OptionsParser(8192, 80).parse(query).options(),
                false, Deadline.after(Duration.ofMinutes(1))));
    }

    @Test
    void refusesAnOversizedSourceFromItsHeaderAlone() {
        byte[] header = TestImageBytes.pngHeader(100_000, 100_000, 2);
        assertThatThrownBy(() -> probe.apply(context(header, "w=100")))
                .isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("max-source-pixels")
                .hasMessageContaining("100000×100000");
    }

    @Test
    void refusesWhenOnlyTheCanvasIsTooLarge() {
        // No logical screen declared (0×0): the first frame sets the canvas.
        byte[] gif = HeaderReaderTest.concat("GIF89a".getBytes(), new byte[] {0, 0, 0, 0, 0, 0, 0},
                new byte[] {0x2C, 0, 0, 0, 0, 0x40, 0x1F, 0x40, 0x1F, 0, 2, 1, 0, 0});
        assertThatThrownBy(() -> probe.apply(context(gif, ""))).isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("max-source-pixels");
    }

    @Test
    void refusesTooManyFrames() {
        byte[] png = TestImageBytes.pngWithChunks(
                TestImageBytes.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png"),
                TestImageBytes.pngChunk("acTL", ByteBuffer.allocate(8).putInt(101).putInt(0).array()));
        assertThatThrownBy(() -> probe.apply(context(png, ""))).isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("101 frames");
    }

    @Test
    void plansFromTheUprightSize() {
        byte[] png = TestImageBytes.pngWithChunks(
                TestImageBytes.encode(TestImageBytes.marked(400, 200, BufferedImage.TYPE_INT_ARGB), "png"),
                TestImageBytes.pngChunk("eXIf", TestImageBytes.exif(6)));
        ProcessingContext context = context(png, "w=100");
        probe.apply(context);
        assertThat(context.sourceFormat()).isEqualTo(SourceFormat.PNG);
        assertThat(context.storedWidth()).isEqualTo(400);
        assertThat(context.storedHeight()).isEqualTo(200);
        assertThat(context.orientation()).isEqualTo(6);
        assertThat(context.hasAlpha()).isTrue();
        assertThat(context.plan().sourceWidth()).isEqualTo(200);
        assertThat(context.plan().sourceHeight()).isEqualTo(400);
        assertThat(context.plan().scaledWidth()).isEqualTo(100);
        assertThat(context.plan().scaledHeight()).isEqualTo(200);
    }

    @Test
    void anEnlargementPastTheOutputLimitIsTheRequestsFault() {
        ProbeStep smallLimit = new ProbeStep(new HeaderReader(), new Geometry(1000), 50_000_000, 100);
        byte[] png = TestImageBytes.encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "png");
        assertThatThrownBy(() -> smallLimit.apply(context(png, "w=2000&enlarge=true")))
                .isInstanceOf(InvalidOptionException.class);
    }
}
