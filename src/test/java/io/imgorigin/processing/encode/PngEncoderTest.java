package io.imgorigin.processing.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class PngEncoderTest {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final PngEncoder encoder = new PngEncoder();

    @Test
    void writesRgbLosslessly() {
        BufferedImage image = Samples.opaque(BufferedImage.TYPE_INT_RGB);

        byte[] bytes = encoder.encode(image, 80);

        assertThat(bytes).startsWith(SIGNATURE);
        assertThat(colourType(bytes)).as("truecolour").isEqualTo(2);
        assertThat(bytes[24]).as("bit depth").isEqualTo((byte) 8);
        EncodedBytes.assertNoMetadata(bytes);
        BufferedImage decoded = EncodedBytes.decode(bytes);
        assertThat(decoded.getRGB(0, 0, 320, 200, null, 0, 320)).isEqualTo(image.getRGB(0, 0, 320, 200, null, 0, 320));
    }

    @Test
    void keepsAlpha() {
        BufferedImage image = Samples.withAlpha();

        byte[] bytes = encoder.encode(image, 80);

        assertThat(colourType(bytes)).as("truecolour with alpha").isEqualTo(6);
        EncodedBytes.assertNoMetadata(bytes);
        BufferedImage decoded = EncodedBytes.decode(bytes);
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(0, 0) >>> 24).isZero();
        assertThat(decoded.getRGB(100, 100)).isEqualTo(0xFFDC1E1E);
    }

    @Test
    void ignoresQuality() {
        BufferedImage image = Samples.opaque(BufferedImage.TYPE_INT_RGB);

        assertThat(encoder.encode(image, 1)).isEqualTo(encoder.encode(image, 100));
    }

    private static int colourType(byte[] png) {
        assertThat(new String(png, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("IHDR");
        return png[25];
    }
}
