package io.imgorigin.processing.decode;

import io.imgorigin.processing.probe.HeaderReaderTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.codec.spng.SpngLibrary;

/** Each input kind through probe, decode, colour and orient, with the pure-Java decoders. */
class DecodeStepTest {

    private final FrontPipeline pipeline = new FrontPipeline(false);

    @Test
    void sixteenBitPngIsScaledFromTheFullRange() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setSample(0, 0, 0, 0xFFFF);
        raster.setSample(1, 0, 0, 0x8080);
        try (ProcessingContext context = pipeline.run(TestImageBytes.encode(image, "png"), "")) {
            BufferedImage result = context.image();
            assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(result.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(result.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x808080);
            assertThat(result.getRGB(2, 0) & 0xFFFFFF).isZero();
        }
    }

    @Test
    void sixteenBitPngIsScaledFromTheFullRangeByLibspngToo() {
        assumeTrue(SpngLibrary.instance().available(), () -> "libspng is not installed: " + SpngLibrary.instance().describe());
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setSample(0, 0, 0, 0xFFFF);
        raster.setSample(1, 0, 0, 0x8080);
        raster.setSample(3, 0, 0, 0xFF00);
        try (ProcessingContext context = new FrontPipeline(true).run(TestImageBytes.encode(image, "png"), "")) {
            BufferedImage result = context.image();
            assertThat(context.decoder()).isEqualTo("spng");
            assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(result.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(result.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x808080);
            assertThat(result.getRGB(2, 0) & 0xFFFFFF).isZero();
            assertThat(result.getRGB(3, 0) & 0xFFFFFF).as("rounded, not the high byte").isEqualTo(0xFEFEFE);
        }
    }

    @Test
    void grayKeepsItsValuesNeutral() {
        BufferedImage gray = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        int[] samples = new int[16 * 16];
        Arrays.fill(samples, 59);
        gray.getRaster().setSamples(0, 0, 16, 16, 0, samples);
        for (String format : new String[] {"png", "jpeg"}) {
            try (ProcessingContext context = pipeline.run(TestImageBytes.encode(gray, format), "")) {
                int rgb = context.image().getRGB(0, 0);
                assertThat(rgb >> 16 & 0xFF).as(format).isBetween(57, 61).isEqualTo(rgb >> 8 & 0xFF)
                        .isEqualTo(rgb & 0xFF);
            }
        }
    }

    @Test
    void paletteWithATransparentEntryKeepsAlpha() {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {(byte) 255, 0}, new byte[] {0, 0},
                new byte[] {0, (byte) 255}, 1);
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED, palette);
        image.getRaster().setSample(0, 0, 0, 1);
        try (ProcessingContext context = pipeline.run(TestImageBytes.encode(image, "png"), "")) {
            assertThat(context.hasAlpha()).isTrue();
            assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
            assertThat(context.image().getRGB(0, 0) >>> 24).isZero();
            assertThat(context.image().getRGB(1, 0)).isEqualTo(0xFFFF0000);
        }
    }

    @Test
    void gifGivesItsFirstFrame() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(filled(20, 10, Color.RED, BufferedImage.TYPE_BYTE_INDEXED), null, null),
                    null);
            writer.writeToSequence(new IIOImage(filled(20, 10, Color.BLUE, BufferedImage.TYPE_BYTE_INDEXED), null,
                    null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        try (ProcessingContext context = pipeline.run(out.toByteArray(), "")) {
            assertThat(context.image().getWidth()).isEqualTo(20);
            assertThat(context.image().getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
        }
    }

    @Test
    void bmpAndTiff() {
        BufferedImage marked = TestImageBytes.marked(20, 10, BufferedImage.TYPE_3BYTE_BGR);
        for (byte[] source : new byte[][] {TestImageBytes.encode(marked, "bmp"), TestImageBytes.tiff(marked, 1)}) {
            try (ProcessingContext context = pipeline.run(source, "")) {
                assertThat(context.image().getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
                assertThat(context.image().getRGB(18, 8) & 0xFFFFFF).isEqualTo(0xFFFFFF);
                assertThat(context.hasAlpha()).isFalse();
            }
        }
    }

    @Test
    void psdGivesItsMergedImage() throws IOException {
        // Made with: convert -size 24x16 xc:white -fill red -draw "rectangle 0,0 11,7" -depth 8 marked.psd
        try (java.io.InputStream in = getClass().getResourceAsStream("/decode/marked.psd");
                ProcessingContext context = pipeline.run(in.readAllBytes(), "")) {
            assertThat(context.image().getWidth()).isEqualTo(24);
            assertThat(context.image().getHeight()).isEqualTo(16);
            assertThat(context.image().getRGB(3, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
            assertThat(context.image().getRGB(20, 12) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
    }

    @Test
    void webpLossyLosslessAndAlpha() {
        BufferedImage marked = TestImageBytes.marked(32, 16, BufferedImage.TYPE_INT_RGB);
        try (ProcessingContext lossy = pipeline.run(TestImageBytes.webp(marked, false), "")) {
            assertThat(lossy.hasAlpha()).isFalse();
            assertThat(lossy.image().getRGB(3, 3) >> 16 & 0xFF).isGreaterThan(200);
        }
        try (ProcessingContext lossless = pipeline.run(TestImageBytes.webp(marked, true), "")) {
            assertThat(lossless.hasAlpha()).isFalse();
            assertThat(lossless.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(lossless.image().getRGB(3, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
        }
        BufferedImage translucent = TestImageBytes.marked(32, 16, BufferedImage.TYPE_INT_ARGB);
        translucent.setRGB(31, 15, 0x00000000);
        try (ProcessingContext alpha = pipeline.run(TestImageBytes.webp(translucent, true), "")) {
            assertThat(alpha.hasAlpha()).isTrue();
            assertThat(alpha.image().getRGB(31, 15) >>> 24).isZero();
            assertThat(alpha.image().getRGB(3, 3)).isEqualTo(0xFFFF0000);
        }
    }

    @Test
    void animatedWebpGivesItsFirstFrameOnTheCanvas() {
        byte[] red = TestImageBytes.webpChunks(TestImageBytes.webp(
                filled(10, 10, Color.RED, BufferedImage.TYPE_INT_RGB), true));
        byte[] blue = TestImageBytes.webpChunks(TestImageBytes.webp(
                filled(40, 30, Color.BLUE, BufferedImage.TYPE_INT_RGB), true));
        byte[] animation = TestImageBytes.riff(TestImageBytes.vp8x(0x02, 40, 30),
                TestImageBytes.riffChunk("ANIM", new byte[6]),
                TestImageBytes.anmf(10, 6, 10, 10, red), TestImageBytes.anmf(0, 0, 40, 30, blue));
        try (ProcessingContext context = pipeline.run(animation, "")) {
            BufferedImage image = context.image();
            assertThat(image.getWidth()).isEqualTo(40);
            assertThat(image.getHeight()).isEqualTo(30);
            assertThat(context.hasAlpha()).isTrue();
            assertThat(image.getRGB(15, 10)).isEqualTo(0xFFFF0000);
            assertThat(image.getRGB(2, 2) >>> 24).as("outside the first frame").isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "jpeg"})
    void truncatedImagesAreRefused(String format) {
        BufferedImage noisy = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                noisy.setRGB(x, y, random.nextInt());
            }
        }
        byte[] encoded = TestImageBytes.encode(noisy, format);
        byte[] truncated = Arrays.copyOf(encoded, encoded.length / 2);
        assertThatThrownBy(() -> pipeline.run(truncated, "").close())
                .isInstanceOf(UnusableImageException.class);
    }

    @Test
    void compressedTextChunksAreNotInflated() {
        // 512 MB of text each once inflated: the decode must skip them, not read them.
        byte[] ztxt = HeaderReaderTest.concat("Comment\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                deflatedZeros(512L << 20));
        byte[] itxt = HeaderReaderTest.concat("XML:com.adobe.xmp\0\1\0\0\0".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1), deflatedZeros(512L << 20));
        byte[] png = TestImageBytes.pngWithChunks(TestImageBytes.encode(TestImageBytes.marked(8, 8,
                BufferedImage.TYPE_INT_RGB), "png"), TestImageBytes.pngChunk("zTXt", ztxt),
                TestImageBytes.pngChunk("iTXt", itxt));
        try (ProcessingContext context = pipeline.run(png, "")) {
            assertThat(context.image().getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        }
    }

    private static byte[] deflatedZeros(long length) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (long written = 0; written < length; written += zeros.length) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    @Test
    void garbageAfterAValidHeaderIsUnusable() {
        byte[] jpeg = TestImageBytes.encode(TestImageBytes.marked(64, 64, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] broken = Arrays.copyOf(jpeg, jpeg.length);
        int sos = 0;
        for (int i = 2; i < broken.length - 1; i++) {
            if ((broken[i] & 0xFF) == 0xFF && (broken[i + 1] & 0xFF) == 0xC4) {
                sos = i;
                break;
            }
        }
        Arrays.fill(broken, sos, broken.length, (byte) 0xFF);
        assertThatThrownBy(() -> pipeline.run(broken, "")).isInstanceOf(UnusableImageException.class);
    }

    @Test
    void pureJavaReadersSubsampleOnlyWithAWideMargin() {
        BufferedImage large = TestImageBytes.marked(1200, 900, BufferedImage.TYPE_INT_RGB);
        try (ProcessingContext context = pipeline.run(TestImageBytes.encode(large, "png"), "w=100")) {
            // wanted 200×150; a step of 4 keeps 300×225, 3× the 100×75 output.
            assertThat(context.image().getWidth()).isEqualTo(300);
            assertThat(context.image().getHeight()).isEqualTo(225);
        }
        try (ProcessingContext context = pipeline.run(TestImageBytes.encode(large, "png"), "w=500")) {
            assertThat(context.image().getWidth()).as("no step keeps 3× the output").isEqualTo(1200);
        }
    }

    @Test
    void webpIsScaledWhileDecoding() {
        BufferedImage large = TestImageBytes.marked(1200, 900, BufferedImage.TYPE_INT_RGB);
        try (ProcessingContext context = pipeline.run(TestImageBytes.webp(large, false), "w=100")) {
            assertThat(context.image().getWidth()).isEqualTo(200);
            assertThat(context.image().getHeight()).isEqualTo(150);
        }
    }

    private static BufferedImage filled(int width, int height, Color colour, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
