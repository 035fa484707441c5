package io.imgorigin.codec.turbojpeg;

import io.imgorigin.codec.jpeg.JpegFrame;
import io.imgorigin.codec.jpeg.JpegStructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TurboJpegImageReaderTest {

    private byte[] colour;
    private byte[] large;

    @BeforeAll
    void requireLibraryAndMakeImages() {
        assumeTrue(TurboJpegLibrary.instance().available(), () -> "libturbojpeg not loadable: " + TurboJpegLibrary.instance().describe());
        colour = JpegTestImages.javaJpeg(JpegTestImages.photo(640, 480, BufferedImage.TYPE_INT_RGB), 0.9f, false);
        large = JpegTestImages.javaJpeg(new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB), 0.5f, false);
    }

    @Test
    void colourDecodeMatchesThePureJavaDecode() throws IOException {
        BufferedImage image = read(colour, null);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(JpegTestImages.psnr(image, JpegTestImages.javaDecode(colour))).isGreaterThanOrEqualTo(40);
    }

    @Test
    void grayDecodesToOneByteGray() throws IOException {
        byte[] gray = JpegTestImages.javaJpeg(JpegTestImages.photo(320, 200, BufferedImage.TYPE_BYTE_GRAY), 0.9f, false);

        BufferedImage image = read(gray, null);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(JpegTestImages.psnr(image, JpegTestImages.javaDecode(gray))).isGreaterThanOrEqualTo(40);
    }

    @Test
    void progressiveDecodeMatchesThePureJavaDecode() throws IOException {
        byte[] progressive = JpegTestImages.javaJpeg(JpegTestImages.photo(333, 222, BufferedImage.TYPE_INT_RGB), 0.85f,
                true);
        assertThat(frameOf(progressive).marker()).isEqualTo(0xC2);

        BufferedImage image = read(progressive, null);

        assertThat(JpegTestImages.psnr(image, JpegTestImages.javaDecode(progressive))).isGreaterThanOrEqualTo(40);
    }

    @Test
    void sizeComesFromTheHeaderWithoutDecoding() throws IOException {
        ImageReader reader = reader(large);

        assertThat(reader.getWidth(0)).isEqualTo(4000);
        assertThat(reader.getHeight(0)).isEqualTo(3000);
        assertThat(reader.getImageTypes(0).next().getBufferedImageType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    /** Only the power-of-two scales, which libjpeg-turbo decodes with SIMD code. */
    @ParameterizedTest(name = "render size {0}x{1} decodes to {2}x{3}")
    @CsvSource({
            "500, 375, 500, 375",
            "1, 1, 500, 375",
            "501, 375, 1000, 750",
            "700, 500, 1000, 750",
            "1500, 1100, 2000, 1500",
            "2001, 10, 4000, 3000",
            "3999, 3000, 4000, 3000",
            "5000, 100, 4000, 3000"})
    void renderSizeDecodesAtTheSmallestCoveringScale(int renderWidth, int renderHeight, int width, int height)
            throws IOException {
        ImageReader reader = reader(large);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRenderSize(new Dimension(renderWidth, renderHeight));

        BufferedImage image = reader.read(0, param);

        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    @Test
    void scaledDecodeLooksLikeTheFullDecodeScaledDown() throws IOException {
        ImageReader reader = reader(colour);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRenderSize(new Dimension(160, 120));

        BufferedImage quarter = reader.read(0, param);
        BufferedImage reference = JpegTestImages.areaAverage(read(colour, null), 4);

        assertThat(quarter.getWidth()).isEqualTo(160);
        assertThat(JpegTestImages.psnr(quarter, reference)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void subsamplingByAPowerOfTwoUsesTheDctScale() throws IOException {
        ImageReader reader = reader(colour);
        ImageReadParam subsampled = reader.getDefaultReadParam();
        subsampled.setSourceSubsampling(4, 4, 0, 0);
        ImageReadParam rendered = reader.getDefaultReadParam();
        rendered.setSourceRenderSize(new Dimension(160, 120));

        BufferedImage viaSubsampling = reader.read(0, subsampled);
        BufferedImage viaRenderSize = reader.read(0, rendered);

        assertThat(pixels(viaSubsampling)).isEqualTo(pixels(viaRenderSize));
    }

    @Test
    void otherSubsamplingPicksPixelsOfTheFullDecode() throws IOException {
        ImageReader reader = reader(colour);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(3, 3, 1, 2);

        BufferedImage image = reader.read(0, param);
        BufferedImage full = read(colour, null);

        assertThat(image.getWidth()).isEqualTo(213);
        assertThat(image.getHeight()).isEqualTo(160);
        assertThat(image.getRGB(10, 20)).isEqualTo(full.getRGB(1 + 30, 2 + 60));
    }

    @Test
    void sourceRegionCropsTheDecodedImage() throws IOException {
        ImageReader reader = reader(colour);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle(100, 50, 200, 120));

        BufferedImage region = reader.read(0, param);
        BufferedImage full = read(colour, null);

        assertThat(region.getWidth()).isEqualTo(200);
        assertThat(region.getHeight()).isEqualTo(120);
        assertThat(pixels(region)).isEqualTo(pixels(full.getSubimage(100, 50, 200, 120)));
    }

    @Test
    void truncatedInputIsAnIioExceptionNotAGrayImage() {
        byte[] truncated = Arrays.copyOf(colour, colour.length * 6 / 10);

        assertThatThrownBy(() -> read(truncated, null)).isInstanceOf(IIOException.class);
    }

    @Test
    void headerOnlyInputIsAnIioException() {
        byte[] headerOnly = Arrays.copyOf(colour, 300);

        assertThatThrownBy(() -> read(headerOnly, null)).isInstanceOf(IIOException.class);
    }

    @Test
    void garbageIsAnIioExceptionWithTheLibrarysMessage() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 2, 1, 2, 3, 4, 5};

        assertThatThrownBy(() -> read(garbage, null)).isInstanceOf(IIOException.class).hasMessageContaining("JPEG");
    }

    @Test
    void strayBytesBetweenSegmentsOfACompleteFileAreTolerated() throws IOException {
        int secondSegment = 4 + (((colour[4] & 0xFF) << 8) | (colour[5] & 0xFF));
        byte[] stray = new byte[colour.length + 3];
        System.arraycopy(colour, 0, stray, 0, secondSegment);
        stray[secondSegment] = 0x11;
        stray[secondSegment + 1] = 0x22;
        stray[secondSegment + 2] = 0x33;
        System.arraycopy(colour, secondSegment, stray, secondSegment + 3, colour.length - secondSegment);

        assertThat(pixels(read(stray, null))).isEqualTo(pixels(read(colour, null)));
    }

    @Test
    void cmykReadDirectlyIsRefused() {
        assertThatThrownBy(() -> read(JpegTestImages.resource("cmyk.jpg"), null)).isInstanceOf(IIOException.class)
                .hasMessageContaining("CMYK");
    }

    @Test
    void readsFromTheStreamPositionAtSetInput() throws IOException {
        byte[] prefixed = new byte[colour.length + 7];
        System.arraycopy(colour, 0, prefixed, 7, colour.length);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(prefixed))) {
            in.skipBytes(7);
            ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);
            reader.setInput(in);

            assertThat(reader.read(0).getWidth()).isEqualTo(640);
        }
    }

    @Test
    void readsAStreamOfKnownLengthFromItsPosition(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("prefixed.jpg");
        byte[] prefixed = new byte[colour.length + 5];
        System.arraycopy(colour, 0, prefixed, 5, colour.length);
        Files.write(file, prefixed);
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            in.skipBytes(5);
            ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);
            reader.setInput(in);

            assertThat(in.length()).isEqualTo(prefixed.length);
            assertThat(pixels(reader.read(0))).isEqualTo(pixels(read(colour, null)));
        }
    }

    @Test
    void readsAStreamOfUnknownLengthLargerThanOneChunk() throws IOException {
        byte[] big = JpegTestImages.javaJpeg(JpegTestImages.photo(1600, 1200, BufferedImage.TYPE_INT_RGB), 0.98f, false);
        assertThat(big.length).as("several read chunks").isGreaterThan(3 * 64 * 1024);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(big))) {
            ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);
            reader.setInput(in);

            assertThat(in.length()).isEqualTo(-1);
            assertThat(JpegTestImages.psnr(reader.read(0), JpegTestImages.javaDecode(big))).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void manySmallDecodesAndEncodesRunCleanly() throws IOException {
        byte[] small = JpegTestImages.javaJpeg(JpegTestImages.photo(24, 16, BufferedImage.TYPE_INT_RGB), 0.8f, false);
        TurboJpegDecoder decoder = new TurboJpegDecoder(TurboJpegLibrary.instance().functions());
        TurboJpegEncoder encoder = new TurboJpegEncoder(TurboJpegLibrary.instance().functions());
        for (int i = 0; i < 3000; i++) {
            BufferedImage image = decoder.decode(small, decoder.readHeader(small), ScalingFactor.ONE);
            small = encoder.encode(EncodablePixels.of(image), 80, i % 2 == 0);
        }
        assertThat(decoder.readHeader(small).width()).isEqualTo(24);
    }

    private static JpegFrame frameOf(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            return JpegStructure.findFrame(in).orElseThrow();
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static ImageReader reader(byte[] jpeg) throws IOException {
        ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg)));
        return reader;
    }

    private static BufferedImage read(byte[] jpeg, ImageReadParam param) throws IOException {
        ImageReader reader = reader(jpeg);
        try {
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }
}
