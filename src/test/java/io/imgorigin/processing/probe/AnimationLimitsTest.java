package io.imgorigin.processing.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.testing.GifBytes;

/** SPEC section 2.2's limits, read from the header: frames, frames × canvas, and frames inside the canvas. */
class AnimationLimitsTest {

    private final ProbeStep probe = new ProbeStep(new HeaderReader(), new Geometry(8192), 50_000_000, 1000,
            200_000_000);

    private static ProcessingContext context(byte[] source) {
        return new ProcessingContext(source, new ProcessingRequest(new OptionsParser(8192, 80).parse("w=100").options(),
                false, Deadline.after(Duration.ofMinutes(1))));
    }

    @Test
    void aThousandFramesPassAndOneMoreIsRefused() {
        ProcessingContext thousand = context(GifBytes.canvas(8, 8).frames(1000, 8, 8).bytes());
        probe.apply(thousand);
        assertThat(thousand.frames()).isEqualTo(1000);

        assertThatThrownBy(() -> probe.apply(context(GifBytes.canvas(8, 8).frames(1001, 8, 8).bytes())))
                .isInstanceOf(UnusableImageException.class).hasMessageContaining("1001 frames");
    }

    @Test
    void refusesFramesTimesCanvasOverTheAnimationLimit() {
        // 6000×4000 is 24 MP, under max-source-pixels; nine such frames are 216 MP, over 200 MP.
        byte[] bomb = GifBytes.canvas(6000, 4000).frames(9, 1, 1).bytes();
        assertThatThrownBy(() -> probe.apply(context(bomb)))
                .isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("max-animation-pixels")
                .hasMessageContaining("9 frames of 6000×4000");

        ProcessingContext eight = context(GifBytes.canvas(6000, 4000).frames(8, 1, 1).bytes());
        probe.apply(eight);
        assertThat(eight.frames()).isEqualTo(8);
    }

    @Test
    void aStillImageIsNotHeldToTheAnimationLimit() {
        ProbeStep strict = new ProbeStep(new HeaderReader(), new Geometry(8192), 50_000_000, 1000, 100);
        ProcessingContext still = context(GifBytes.canvas(20, 20).frames(1, 20, 20).bytes());
        strict.apply(still);
        assertThat(still.frames()).isEqualTo(1);
        assertThatThrownBy(() -> strict.apply(context(GifBytes.canvas(20, 20).frames(2, 20, 20).bytes())))
                .hasMessageContaining("max-animation-pixels");
    }

    @Test
    void refusesAGifFrameReachingPastItsCanvas() {
        byte[] gif = GifBytes.canvas(100, 100).frame(0, 0, 100, 100, 10).frame(60, 10, 50, 20, 10).bytes();
        assertThatThrownBy(() -> probe.apply(context(gif)))
                .isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("50×20 at 60,10")
                .hasMessageContaining("100×100 canvas");

        ProcessingContext inside = context(GifBytes.canvas(100, 100).frame(0, 0, 100, 100, 10)
                .frame(50, 80, 50, 20, 10).bytes());
        probe.apply(inside);
        assertThat(inside.frames()).isEqualTo(2);
    }

    @Test
    void refusesAWebpFrameReachingPastItsCanvas() {
        assertThatThrownBy(() -> probe.apply(context(animatedWebp(64, 64, 32, 0, 40, 10))))
                .isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("reaches past its 64×64 canvas");
        ProcessingContext inside = context(animatedWebp(64, 64, 32, 0, 32, 10));
        probe.apply(inside);
        assertThat(inside.frames()).isEqualTo(2);
    }

    /** A VP8X animation whose second ANMF frame is declared at (x, 0) with the given size (no bitstream). */
    private static byte[] animatedWebp(int width, int height, int x, int y, int frameWidth, int frameHeight) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes());
        body.writeBytes(chunk("VP8X", ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0x02).put(new byte[3]).put(u24(width - 1)).put(u24(height - 1)).array()));
        body.writeBytes(chunk("ANIM", new byte[6]));
        body.writeBytes(chunk("ANMF", anmf(0, 0, width, height)));
        body.writeBytes(chunk("ANMF", anmf(x, y, frameWidth, frameHeight)));
        byte[] riff = body.toByteArray();
        ByteBuffer file = ByteBuffer.allocate(8 + riff.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes()).putInt(riff.length).put(riff);
        return file.array();
    }

    private static byte[] anmf(int x, int y, int width, int height) {
        return ByteBuffer.allocate(16).put(u24(x / 2)).put(u24(y / 2)).put(u24(width - 1)).put(u24(height - 1))
                .put(u24(100)).put((byte) 0).array();
    }

    private static byte[] u24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(type.getBytes()).putInt(data.length).put(data);
        return chunk.array();
    }
}
