package io.imgorigin.processing.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.imgorigin.testing.TestImages;

class SsimTest {

    @Test
    void anImageIsItselfAndNoiseIsNot() {
        BufferedImage image = TestImages.noise(64, 48, 1);
        assertThat(Ssim.mean(image, image)).isEqualTo(1.0);
        assertThat(Ssim.mean(image, TestImages.noise(64, 48, 2))).isLessThan(0.1);
    }

    @Test
    void strongerCompressionLooksLessAlike() throws IOException {
        BufferedImage image = TestImages.decode(Files.readAllBytes(Path.of("samples/photos/plasma.jpg")))
                .getSubimage(400, 300, 320, 240);
        JpegEncoder jpeg = new JpegEncoder(false);
        double q95 = Ssim.mean(image, TestImages.decode(jpeg.encode(image, 95)));
        double q60 = Ssim.mean(image, TestImages.decode(jpeg.encode(image, 60)));
        double q10 = Ssim.mean(image, TestImages.decode(jpeg.encode(image, 10)));
        assertThat(q95).isLessThan(1.0).isGreaterThan(q60);
        assertThat(q60).isGreaterThan(q10);
    }
}
