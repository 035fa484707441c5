package io.imgorigin.processing.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebpEncoderTest {

    private final WebpEncoder encoder = new WebpEncoder();

    @Test
    void writesLossyWebp() {
        byte[] bytes = encoder.encode(Samples.opaque(BufferedImage.TYPE_INT_RGB), 80);

        assertThat(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
        assertThat(new String(bytes, 8, 4, StandardCharsets.ISO_8859_1)).isEqualTo("WEBP");
        assertThat(EncodedBytes.contains(bytes, "VP8 ")).as("lossy bitstream").isTrue();
        EncodedBytes.assertNoMetadata(bytes);
        BufferedImage decoded = EncodedBytes.decode(bytes);
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(200);
        double[] mean = EncodedBytes.mean(decoded);
        assertThat(mean[1]).isCloseTo(120, within(3.0));
        assertThat(mean[3]).isCloseTo(120, within(3.0));
    }

    @Test
    void keepsAlpha() {
        byte[] bytes = encoder.encode(Samples.withAlpha(), 80);

        assertThat(EncodedBytes.contains(bytes, "ALPH")).as("alpha chunk").isTrue();
        EncodedBytes.assertNoMetadata(bytes);
        BufferedImage decoded = EncodedBytes.decode(bytes);
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(5, 5) >>> 24).isZero();
        int centre = decoded.getRGB(100, 100);
        assertThat(centre >>> 24).isEqualTo(255);
        assertThat(centre >> 16 & 0xFF).isCloseTo(220, within(8));
    }

    @Test
    void qualityChangesTheSize() {
        BufferedImage image = Samples.opaque(BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x += 3) {
            image.setRGB(x, x % 200, 0xFFFFFF);
        }

        assertThat(encoder.encode(image, 20).length).isLessThan(encoder.encode(image, 95).length);
    }
}
