package io.imgorigin.codec.turbojpeg;

import io.imgorigin.codec.jpeg.JpegFrame;
import io.imgorigin.codec.jpeg.JpegStructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TurboJpegImageWriterTest {

    private static final BufferedImage PHOTO = JpegTestImages.photo(320, 240, BufferedImage.TYPE_INT_RGB);

    @BeforeAll
    static void requireLibrary() {
        assumeTrue(TurboJpegLibrary.instance().available(), () -> "libturbojpeg not loadable: " + TurboJpegLibrary.instance().describe());
    }

    @Test
    void defaultParamIsAJpegWriteParam() {
        assertThat(writer().getDefaultWriteParam()).isInstanceOf(JPEGImageWriteParam.class);
    }

    @Test
    void higherQualityGivesLargerFiles() throws IOException {
        int previous = 0;
        for (float quality : new float[] {0.2f, 0.4f, 0.6f, 0.8f, 0.95f}) {
            int size = write(PHOTO, quality, false).length;

            assertThat(size).as("size at quality %s", quality).isGreaterThan(previous);
            previous = size;
        }
    }

    @Test
    void outputDecodesBackToTheImage() throws IOException {
        byte[] jpeg = write(PHOTO, 0.92f, false);
        BufferedImage decoded = JpegTestImages.javaDecode(jpeg);

        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(JpegTestImages.psnr(decoded, PHOTO)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void progressiveModeWritesAProgressiveFrame() throws IOException {
        assertThat(frameOf(write(PHOTO, 0.8f, true)).marker()).isEqualTo(0xC2);
        assertThat(frameOf(write(PHOTO, 0.8f, false)).marker()).isEqualTo(0xC0);
        assertThat(JpegTestImages.psnr(JpegTestImages.javaDecode(write(PHOTO, 0.92f, true)), PHOTO))
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void colourIsSubsampledFourTwoZeroAndGrayHasOneComponent() throws IOException {
        TurboJpegDecoder decoder = new TurboJpegDecoder(TurboJpegLibrary.instance().functions());
        BufferedImage gray = JpegTestImages.photo(100, 80, BufferedImage.TYPE_BYTE_GRAY);

        assertThat(decoder.readHeader(write(PHOTO, 0.8f, false)).subsampling()).isEqualTo(TurboJpegConstants.TJSAMP_420);
        assertThat(frameOf(write(gray, 0.8f, false)).components()).isEqualTo(1);
        assertThat(JpegTestImages.psnr(JpegTestImages.javaDecode(write(gray, 0.95f, false)), gray))
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void bgrBytesAndOtherTypesEncodeTheSamePicture() throws IOException {
        BufferedImage bgr = convert(PHOTO, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage intBgr = convert(PHOTO, BufferedImage.TYPE_INT_BGR);

        assertThat(JpegTestImages.psnr(JpegTestImages.javaDecode(write(bgr, 0.92f, false)), PHOTO))
                .isGreaterThanOrEqualTo(30);
        assertThat(JpegTestImages.psnr(JpegTestImages.javaDecode(write(intBgr, 0.92f, false)), PHOTO))
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void subImagesEncodeOnlyTheirOwnPixels() throws IOException {
        BufferedImage part = PHOTO.getSubimage(40, 30, 200, 150);
        BufferedImage bgrPart = convert(PHOTO, BufferedImage.TYPE_3BYTE_BGR).getSubimage(40, 30, 200, 150);

        BufferedImage decoded = JpegTestImages.javaDecode(write(part, 0.92f, false));
        BufferedImage decodedBgr = JpegTestImages.javaDecode(write(bgrPart, 0.92f, false));

        assertThat(decoded.getWidth()).isEqualTo(200);
        assertThat(JpegTestImages.psnr(decoded, part)).isGreaterThanOrEqualTo(30);
        assertThat(JpegTestImages.psnr(decodedBgr, part)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void writesNoMetadataButTheJfifHeader() throws IOException {
        byte[] jpeg = write(PHOTO, 0.8f, false);
        String text = new String(jpeg, StandardCharsets.ISO_8859_1);

        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE0);
        assertThat(text).contains("JFIF").doesNotContain("Exif").doesNotContain("ICC_PROFILE");
    }

    @Test
    void refusesAlpha() {
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);

        assertThatThrownBy(() -> write(argb, 0.8f, false)).isInstanceOf(IIOException.class);
        assertThat(new TurboJpegImageWriterSpi().canEncodeImage(argb)).isFalse();
        assertThat(new TurboJpegImageWriterSpi().canEncodeImage(PHOTO)).isTrue();
    }

    private static byte[] write(BufferedImage image, float quality, boolean progressive) throws IOException {
        ImageWriteParam param = writer().getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        return writeWith(image, param);
    }

    private static byte[] writeWith(BufferedImage image, ImageWriteParam param) throws IOException {
        ImageWriter writer = writer();
        try (var bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer() {
        return new TurboJpegImageWriterSpi().createWriterInstance(null);
    }

    private static BufferedImage convert(BufferedImage image, int type) {
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), type);
        target.getGraphics().drawImage(image, 0, 0, null);
        return target;
    }

    private static JpegFrame frameOf(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            return JpegStructure.findFrame(in).orElseThrow();
        }
    }
}
