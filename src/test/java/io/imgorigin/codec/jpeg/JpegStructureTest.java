package io.imgorigin.codec.jpeg;

import io.imgorigin.codec.turbojpeg.JpegTestImages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

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
}
