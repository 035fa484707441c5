package io.imgorigin.processing.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.imgorigin.processing.pipeline.OutputFormat;

class JpegEncoderTest {

    private final JpegEncoder encoder = new JpegEncoder(false);

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB})
    void writesAProgressiveJpegWithoutMetadataOrAlpha(int type) {
        byte[] bytes = encoder.encode(Samples.opaque(type), 85);

        assertThat(bytes).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(EncodedBytes.contains(bytes, (byte) 0xFF, (byte) 0xC2)).as("SOF2 (progressive)").isTrue();
        assertThat(EncodedBytes.contains(bytes, (byte) 0xFF, (byte) 0xE1)).as("APP1 (EXIF/XMP)").isFalse();
        assertThat(EncodedBytes.contains(bytes, (byte) 0xFF, (byte) 0xE2)).as("APP2 (ICC)").isFalse();
        EncodedBytes.assertNoMetadata(bytes);
        BufferedImage decoded = EncodedBytes.decode(bytes);
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(200);
        assertThat(decoded.getColorModel().hasAlpha()).isFalse();
        double[] mean = EncodedBytes.mean(decoded);
        assertThat(mean[1]).isCloseTo(120, within(3.0));
        assertThat(mean[2]).isCloseTo(39.5, within(3.0));
        assertThat(mean[3]).isCloseTo(120, within(3.0));
    }

    @Test
    void qualityChangesTheSize() {
        BufferedImage image = Samples.opaque(BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x += 3) {
            image.setRGB(x, x % 200, 0xFFFFFF);
        }

        assertThat(encoder.encode(image, 30).length).isLessThan(encoder.encode(image, 95).length);
    }

    @Test
    void isTheJpegEncoder() {
        assertThat(encoder.format()).isEqualTo(OutputFormat.JPEG);
        assertThat(new JpegEncoder(true).encode(Samples.opaque(BufferedImage.TYPE_INT_RGB), 80)).startsWith(0xFF, 0xD8);
    }
}
