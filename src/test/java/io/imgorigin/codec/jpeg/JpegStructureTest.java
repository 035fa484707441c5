package io.imgorigin.codec.jpeg;

import io.imgorigin.codec.turbojpeg.JpegTestImages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.api.Test;

class JpegStructureTest {

    private final byte[] complete = JpegTestImages.javaJpeg(JpegTestImages.photo(64, 64, BufferedImage.TYPE_INT_RGB),
            0.8f, true);

    @Test
    void aCompleteFileReachesItsEndOfImage() {
        assertThat(JpegStructure.reachesEndOfImage(complete)).isTrue();
    }

    @Test
    void aTruncatedFileDoesNot() {
        assertThat(JpegStructure.reachesEndOfImage(Arrays.copyOf(complete, complete.length - 2))).isFalse();
        assertThat(JpegStructure.reachesEndOfImage(Arrays.copyOf(complete, complete.length / 2))).isFalse();
        assertThat(JpegStructure.reachesEndOfImage(new byte[] {1, 2, 3, 4})).isFalse();
    }

    @Test
    void theFrameIsFoundPastFillBytesButNotPastOtherBytes() throws IOException {
        assertThat(frameOf(afterSoi(complete, 0xFF, 0xFF))).map(JpegFrame::precision).contains(8);
        assertThat(frameOf(afterSoi(complete, 0x12))).isEmpty();
        assertThat(frameOf(afterSoi(complete, 0xFF, 0x00))).as("a stuffed zero is data").isEmpty();
    }

    @Test
    void theStreamIsReadNoFurtherThanTheFrame() throws IOException {
        byte[] cutAfterFrame = Arrays.copyOf(complete, indexOf(complete, 0xC2) + 10);
        assertThat(frameOf(cutAfterFrame)).map(JpegFrame::marker).contains(0xC2);
        assertThat(frameOf(Arrays.copyOf(cutAfterFrame, cutAfterFrame.length - 5))).isEmpty();
    }

    @Test
    void anEndMarkerInsideAnEmbeddedThumbnailDoesNotCount() {
        byte[] truncated = Arrays.copyOf(complete, complete.length / 2);
        ByteArrayOutputStream withThumbnail = new ByteArrayOutputStream();
        withThumbnail.write(0xFF);
        withThumbnail.write(0xD8);
        withThumbnail.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 8, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
                (byte) 0xD9, 0, 0});
        withThumbnail.write(truncated, 2, truncated.length - 2);

        assertThat(JpegStructure.reachesEndOfImage(withThumbnail.toByteArray())).isFalse();
    }

    private static Optional<JpegFrame> frameOf(byte[] jpeg) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            return JpegStructure.findFrame(in);
        }
    }

    private static byte[] afterSoi(byte[] jpeg, int... bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int b : bytes) {
            out.write(b);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static int indexOf(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + marker);
    }
}
