package io.imgorigin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The browser harness itself: sizes, frame counts and failures come back as Chromium sees them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlessChromiumTest {

    private HeadlessChromium chromium;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void decodesStillImagesToTheirSize() {
        assertThat(chromium.decode(TestImages.png(37, 11, true), "image/png"))
                .isEqualTo(new HeadlessChromium.Decoded(37, 11, 1, null));
        assertThat(chromium.decode(TestImages.jpeg(5, 64), "image/jpeg"))
                .isEqualTo(new HeadlessChromium.Decoded(5, 64, 1, null));
    }

    @Test
    void countsTheFramesOfAnAnimation() throws IOException {
        HeadlessChromium.Decoded decoded = chromium.decode(gif(3, 9, 7), "image/gif");

        assertThat(decoded).isEqualTo(new HeadlessChromium.Decoded(9, 7, 3, null));
    }

    @Test
    void reportsBytesItCannotDecodeAsAnError() {
        byte[] truncated = TestImages.png(40, 40, false);
        byte[] garbage = new byte[200];
        System.arraycopy(truncated, 0, garbage, 0, 40);

        HeadlessChromium.Decoded decoded = chromium.decode(garbage, "image/png");

        assertThat(decoded.ok()).isFalse();
        assertThat(decoded.error()).isNotBlank();
    }

    @Test
    void manyImagesInOneSession() {
        for (int size = 1; size <= 12; size++) {
            assertThat(chromium.decode(TestImages.png(size, 13 - size, false), "image/png"))
                    .isEqualTo(new HeadlessChromium.Decoded(size, 13 - size, 1, null));
        }
    }

    private static byte[] gif(int frames, int width, int height) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                frame.setRGB(i % width, 0, 0xff0000);
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
