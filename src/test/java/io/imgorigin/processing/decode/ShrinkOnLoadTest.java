package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.imgorigin.processing.pipeline.ImageExtent;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.codec.turbojpeg.TurboJpegLibrary;

/**
 * The JPEG fast path's shrink-on-load as the resize sees it: libjpeg-turbo decodes at the smallest power of
 * two that keeps twice the scaled size (or the next one, where the resizer would average blocks of that),
 * and the context says how much of the decoded pixels the source spans (odd sides end in a partial pixel),
 * in upright orientation. Skipped where libturbojpeg is missing.
 */
class ShrinkOnLoadTest {

    private final FrontPipeline pipeline = new FrontPipeline(true);

    @BeforeEach
    void library() {
        assumeTrue(TurboJpegLibrary.instance().available(), () -> "libturbojpeg is not installed: " + TurboJpegLibrary.instance().describe());
    }

    @Test
    void decodesAtAQuarterAndSpansAFractionalExtent() {
        byte[] jpeg = TestImageBytes.encode(TestImageBytes.marked(1001, 601, BufferedImage.TYPE_INT_RGB), "jpeg");
        // 100×60 scaled, so at least 200×120 decoded: 1/4 gives 251×151, 1/8 would give 126×76.
        try (ProcessingContext context = pipeline.run(jpeg, "w=100")) {
            assertThat(context.decoder()).isEqualTo("turbojpeg");
            assertThat(context.image().getWidth()).isEqualTo(251);
            assertThat(context.image().getHeight()).isEqualTo(151);
            assertThat(context.extent()).isEqualTo(new ImageExtent(250.25, 150.25));
        }
    }

    @Test
    void theExtentTurnsWithTheImage() {
        byte[] jpeg = withExifOrientation(
                TestImageBytes.encode(TestImageBytes.marked(1001, 601, BufferedImage.TYPE_INT_RGB), "jpeg"), 6);
        try (ProcessingContext context = pipeline.run(jpeg, "w=60")) {
            assertThat(context.image().getWidth()).isEqualTo(151);
            assertThat(context.image().getHeight()).isEqualTo(251);
            assertThat(context.extent()).isEqualTo(new ImageExtent(150.25, 250.25));
        }
    }

    @Test
    void aReductionBetweenThreeAndFourTimesDecodesAtHalfInsteadOfAveragingBlocks() {
        byte[] jpeg = TestImageBytes.encode(TestImageBytes.marked(1001, 601, BufferedImage.TYPE_INT_RGB), "jpeg");
        // 300×180 scaled is a 3.34× reduction: the resizer would average 2×2 blocks of a full decode.
        try (ProcessingContext context = pipeline.run(jpeg, "w=300")) {
            assertThat(context.image().getWidth()).isEqualTo(501);
            assertThat(context.image().getHeight()).isEqualTo(301);
            assertThat(context.extent()).isEqualTo(new ImageExtent(500.5, 300.5));
        }
    }

    @Test
    void aHalvingThatWouldLeaveMoreThanThreeTimesIsHalvedAgain() {
        byte[] jpeg = TestImageBytes.encode(TestImageBytes.marked(1361, 817, BufferedImage.TYPE_INT_RGB), "jpeg");
        // 200×120 scaled: 1/2 (681×409) keeps twice that but leaves a 3.4× reduction, which the resizer
        // would start with 2×2 block averaging; 1/4 (341×205) is that averaging done by the DCT.
        try (ProcessingContext context = pipeline.run(jpeg, "w=200")) {
            assertThat(context.decoder()).isEqualTo("turbojpeg");
            assertThat(context.image().getWidth()).isEqualTo(341);
            assertThat(context.image().getHeight()).isEqualTo(205);
            assertThat(context.extent()).isEqualTo(new ImageExtent(340.25, 204.25));
        }
    }

    @Test
    void aFullSizeDecodeSpansItsOwnPixels() {
        byte[] jpeg = TestImageBytes.encode(TestImageBytes.marked(301, 201, BufferedImage.TYPE_INT_RGB), "jpeg");
        // 200×134 scaled: a 1/2 decode (151×101) would not keep twice that.
        try (ProcessingContext context = pipeline.run(jpeg, "w=200")) {
            assertThat(context.image().getWidth()).isEqualTo(301);
            assertThat(context.extent()).isEqualTo(new ImageExtent(301, 201));
        }
    }

    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] exif = TestImageBytes.exif(orientation);
        byte[] name = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + name.length + exif.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(name);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
