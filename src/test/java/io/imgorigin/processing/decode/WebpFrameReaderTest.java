package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.imgorigin.processing.encode.WebpFrameWriter;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.processing.pipeline.UnusableImageException;

class WebpFrameReaderTest {

    @BeforeEach
    void needsLibwebp() {
        assumeTrue(WebpFrameReader.available(), "libwebpdemux is not installed: " + WebpFrameReader.status());
        assumeTrue(WebpFrameWriter.available(), "libwebpmux is not installed: " + WebpFrameWriter.status());
    }

    private static byte[] animation(int frames) {
        try (WebpFrameWriter writer = new WebpFrameWriter(40, 30, 7, 75)) {
            for (int f = 0; f < frames; f++) {
                BufferedImage canvas = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < 30; y++) {
                    for (int x = 0; x < 40; x++) {
                        canvas.setRGB(x, y, x < 10 * (f + 1) ? 0xFF000000 | (f * 60) << 16 | x << 8 | y : 0);
                    }
                }
                writer.add(new AnimationFrame(canvas, 30 * (f + 1)));
            }
            return writer.finish();
        }
    }

    @Test
    void delaysAreTimestampDifferences() {
        try (WebpFrameReader reader = new WebpFrameReader(animation(3))) {
            assertThat(reader.frameCount()).isEqualTo(3);
            assertThat(reader.loopCount()).isEqualTo(7);
            assertThat(reader.next().delayMillis()).isEqualTo(30);
            AnimationFrame second = reader.next();
            assertThat(second.delayMillis()).isEqualTo(60);
            assertThat(second.image().getRGB(15, 5) >>> 24).isEqualTo(0xFF);
            assertThat(second.image().getRGB(25, 5) >>> 24).isZero();
            assertThat(reader.next().delayMillis()).isEqualTo(90);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void everyTruncationIsUnusable() {
        byte[] webp = animation(3);
        for (int length = 0; length < webp.length; length += 7) {
            byte[] cut = Arrays.copyOf(webp, length);
            assertThatThrownBy(() -> {
                try (WebpFrameReader reader = new WebpFrameReader(cut)) {
                    while (reader.next() != null) {
                        assertThat(reader.canvasWidth()).isEqualTo(40);
                    }
                }
            }).as("cut at %d", length).isInstanceOf(UnusableImageException.class);
        }
    }

    @Test
    void aTruncatedFrameWhoseRiffSizeWasRewrittenIsUnusable() {
        byte[] webp = animation(3);
        byte[] cut = Arrays.copyOf(webp, webp.length - 30);
        int riff = cut.length - 8;
        for (int i = 0; i < 4; i++) {
            cut[4 + i] = (byte) (riff >> (8 * i));
        }
        assertThatThrownBy(() -> {
            try (WebpFrameReader reader = new WebpFrameReader(cut)) {
                while (reader.next() != null) {
                    assertThat(reader.canvasHeight()).isEqualTo(30);
                }
            }
        }).isInstanceOf(UnusableImageException.class);
    }
}
