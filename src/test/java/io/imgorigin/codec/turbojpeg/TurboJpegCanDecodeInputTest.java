package io.imgorigin.codec.turbojpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TurboJpegCanDecodeInputTest {

    private final TurboJpegImageReaderSpi spi = new TurboJpegImageReaderSpi();

    @ParameterizedTest(name = "SOF 0x{0} precision {1}, {2} components: {3}")
    @CsvSource({
            "C0, 8, 3, true",
            "C1, 8, 3, true",
            "C2, 8, 3, true",
            "C0, 8, 1, true",
            "C2, 8, 1, true",
            "C0, 8, 4, false",
            "C2, 8, 4, false",
            "C1, 12, 3, false",
            "C2, 12, 1, false",
            "C3, 8, 3, false",
            "C5, 8, 3, false",
            "C9, 8, 3, true",
            "C9, 12, 3, false",
            "CA, 8, 3, true",
            "CB, 8, 1, false",
            "C0, 8, 2, false"})
    void decidesOnTheFrameHeader(String marker, int precision, int components, boolean expected) throws IOException {
        byte[] header = headerWithFrame(Integer.parseInt(marker, 16), precision, components);

        assertThat(canDecode(header)).isEqualTo(expected);
    }

    @Test
    void acceptsRealBaselineProgressiveAndGrayFiles() throws IOException {
        BufferedImage photo = JpegTestImages.photo(40, 30, BufferedImage.TYPE_INT_RGB);

        assertThat(canDecode(JpegTestImages.javaJpeg(photo, 0.8f, false))).isTrue();
        assertThat(canDecode(JpegTestImages.javaJpeg(photo, 0.8f, true))).isTrue();
        assertThat(canDecode(JpegTestImages.javaJpeg(JpegTestImages.photo(40, 30, BufferedImage.TYPE_BYTE_GRAY), 0.8f,
                false))).isTrue();
    }

    @Test
    void refusesARealCmykFile() throws IOException {
        assertThat(canDecode(JpegTestImages.resource("cmyk.jpg"))).isFalse();
    }

    @Test
    void refusesWhatIsNotAJpeg() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);

        assertThat(canDecode(png.toByteArray())).isFalse();
        assertThat(canDecode(new byte[0])).isFalse();
        assertThat(canDecode(new byte[] {(byte) 0xFF, (byte) 0xD8})).isFalse();
        assertThat(spi.canDecodeInput(new byte[] {(byte) 0xFF, (byte) 0xD8})).isFalse();
    }

    @Test
    void refusesAFileWhoseHeaderIsCutBeforeTheFrame() throws IOException {
        byte[] header = headerWithFrame(0xC0, 8, 3);

        assertThat(canDecode(Arrays.copyOf(header, 12))).isFalse();
    }

    @Test
    void leavesTheStreamWhereItWas() throws IOException {
        byte[] jpeg = headerWithFrame(0xC0, 8, 3);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            in.skipBytes(0);
            spi.canDecodeInput(in);

            assertThat(in.getStreamPosition()).isZero();
        }
    }

    private boolean canDecode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            return spi.canDecodeInput(in);
        }
    }

    /** SOI, a JFIF APP0, a 1 KB APP2 to skip, then a frame header with the given SOF marker. */
    static byte[] headerWithFrame(int sof, int precision, int components) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, 0x04, 0x02});
        out.writeBytes(new byte[1024]);
        int length = 8 + 3 * components;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) sof, 0, (byte) length, (byte) precision, 0, 16, 0, 16,
                (byte) components});
        for (int c = 1; c <= components; c++) {
            out.writeBytes(new byte[] {(byte) c, 0x11, 0});
        }
        return out.toByteArray();
    }
}
