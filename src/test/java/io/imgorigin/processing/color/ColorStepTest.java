package io.imgorigin.processing.color;

import io.imgorigin.processing.decode.FrontPipeline;
import io.imgorigin.processing.decode.TestImageBytes;
import io.imgorigin.processing.probe.HeaderReaderTest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.imgorigin.processing.pipeline.ProcessingContext;

class ColorStepTest {

    /** Java's own linear-RGB profile: a mid value of 128 means 50 % light, which sRGB encodes as 188. */
    private static final byte[] LINEAR_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    private static final int LINEAR_HALF_IN_SRGB = 188;

    private final FrontPipeline pipeline = new FrontPipeline(false);

    @Test
    void cmykJpegKeepsItsColour() throws IOException {
        // Made with: convert -size 32x32 xc:'#2060c0' -colorspace CMYK cmyk.jpg (an Adobe-marked CMYK JPEG).
        try (InputStream in = getClass().getResourceAsStream("/decode/cmyk.jpg");
                ProcessingContext context = pipeline.run(in.readAllBytes(), "")) {
            int rgb = context.image().getRGB(16, 16);
            assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            // Without a profile the CMYK goes through the default CMYK profile, which (like libvips' own,
            // at (44,92,140)) does not give the RGB colour back; LittleCMS through that profile gives
            // (44,98,153), see UntaggedCmykTest. Never the inverted colour.
            assertThat(rgb >> 16 & 0xFF).isBetween(44 - 4, 44 + 4);
            assertThat(rgb >> 8 & 0xFF).isBetween(98 - 4, 98 + 4);
            assertThat(rgb & 0xFF).isBetween(153 - 4, 153 + 4);
        }
    }

    @Test
    void pngProfileIsApplied() {
        byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(gray128(), "png"), iccp(LINEAR_PROFILE));
        try (ProcessingContext context = pipeline.run(png, "")) {
            assertThat(context.image().getRGB(1, 1) >> 8 & 0xFF).isBetween(LINEAR_HALF_IN_SRGB - 3,
                    LINEAR_HALF_IN_SRGB + 3);
        }
    }

    @Test
    void webpProfileIsApplied() {
        BufferedImage image = gray128();
        byte[] webp = TestImageBytes.webp(image, true);
        byte[] tagged = TestImageBytes.riff(TestImageBytes.vp8x(0x20, 8, 8),
                TestImageBytes.riffChunk("ICCP", LINEAR_PROFILE), TestImageBytes.webpChunks(webp));
        try (ProcessingContext context = pipeline.run(tagged, "")) {
            assertThat(context.image().getRGB(1, 1) >> 8 & 0xFF).isBetween(LINEAR_HALF_IN_SRGB - 3,
                    LINEAR_HALF_IN_SRGB + 3);
        }
    }

    @Test
    void jpegProfileIsAppliedOnceOnly() {
        byte[] jpeg = TestImageBytes.encode(gray128(), "jpeg");
        byte[] head = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer app2 = ByteBuffer.allocate(4 + head.length + 2 + LINEAR_PROFILE.length);
        app2.put((byte) 0xFF).put((byte) 0xE2).putShort((short) (2 + head.length + 2 + LINEAR_PROFILE.length))
                .put(head).put((byte) 1).put((byte) 1).put(LINEAR_PROFILE);
        byte[] tagged = HeaderReaderTest.concat(Arrays.copyOf(jpeg, 2), app2.array(),
                Arrays.copyOfRange(jpeg, 2, jpeg.length));
        try (ProcessingContext context = pipeline.run(tagged, "")) {
            assertThat(context.image().getRGB(4, 4) >> 8 & 0xFF).isBetween(LINEAR_HALF_IN_SRGB - 4,
                    LINEAR_HALF_IN_SRGB + 4);
        }
    }

    @Test
    void aProfileThatCannotBeReadIsIgnored() {
        byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(gray128(), "png"),
                iccp(new byte[] {1, 2, 3, 4}));
        try (ProcessingContext context = pipeline.run(png, "")) {
            assertThat(context.image().getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x808080);
        }
    }

    @Test
    void anOpaqueImageThatCameBackWithAlphaLosesIt() {
        BufferedImage argb = TestImageBytes.marked(8, 8, BufferedImage.TYPE_INT_ARGB);
        byte[] bmp = TestImageBytes.encode(TestImageBytes.marked(8, 8, BufferedImage.TYPE_3BYTE_BGR), "bmp");
        try (ProcessingContext context = pipeline.run(bmp, "")) {
            assertThat(context.hasAlpha()).isFalse();
        }
        try (ProcessingContext context = pipeline.run(TestImageBytes.encode(argb, "png"), "")) {
            assertThat(context.hasAlpha()).isTrue();
            assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        }
    }

    @Test
    void undeclaredAlphaIsDroppedWithoutDarkeningTheColour() {
        BufferedImage padded = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        padded.setRGB(0, 0, 0x00336699);
        padded.setRGB(1, 0, 0x80FF0000);
        ProcessingContext context = new ProcessingContext(new byte[0], null);
        context.image(padded);
        context.hasAlpha(false);
        new ColorStep(new DefaultCmykProfile()).apply(context);
        assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(context.image().getRGB(0, 0)).isEqualTo(0xFF336699);
        assertThat(context.image().getRGB(1, 0)).isEqualTo(0xFFFF0000);
    }

    @Test
    void translucentPixelsKeepTheirExactColour() {
        BufferedImage abgr = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR);
        abgr.setRGB(0, 0, 0x10336699);
        ProcessingContext context = new ProcessingContext(new byte[0], null);
        context.image(abgr);
        context.hasAlpha(true);
        new ColorStep(new DefaultCmykProfile()).apply(context);
        assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(context.image().getRGB(0, 0)).isEqualTo(0x10336699);
    }

    private static BufferedImage gray128() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, 0x808080);
            }
        }
        return image;
    }

    private static byte[] iccp(byte[] profile) {
        return TestImageBytes.pngChunk("iCCP", HeaderReaderTest.concat("p\0\0".getBytes(StandardCharsets.ISO_8859_1),
                HeaderReaderTest.deflate(profile)));
    }
}
