package io.imgorigin.processing.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.BeforeAll;

import io.imgorigin.processing.ProcessingEngine;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TurboJpegRegistryTest {

    @BeforeAll
    static void requireLibrary() {
        assumeTrue(TurboJpegLibrary.isAvailable(), () -> "libturbojpeg not loadable: " + TurboJpegLibrary.status());
    }

    @RepeatedTest(3)
    void firstJpegReaderAndWriterAfterAScanAreTurboJpeg() {
        ProcessingEngine.detect(true);

        assertThat(ImageIO.getImageReadersByFormatName("jpeg").next()).isInstanceOf(TurboJpegImageReader.class);
        assertThat(ImageIO.getImageReadersByFormatName("jpg").next()).isInstanceOf(TurboJpegImageReader.class);
        assertThat(ImageIO.getImageReadersByMIMEType("image/jpeg").next()).isInstanceOf(TurboJpegImageReader.class);
        assertThat(ImageIO.getImageWritersByFormatName("jpeg").next()).isInstanceOf(TurboJpegImageWriter.class);
    }

    @Test
    void otherJpegReadersFollowAsFallbacks() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        readers.next();

        assertThat(readers.hasNext()).as("a pure-Java JPEG reader after the native one").isTrue();
        assertThat(readers.next()).isNotInstanceOf(TurboJpegImageReader.class);
    }

    @Test
    void contentSniffingPicksTurboJpegForPlainJpegs() throws IOException {
        byte[] jpeg = JpegTestImages.javaJpeg(JpegTestImages.photo(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
                0.9f, false);

        assertThat(firstReaderFor(jpeg)).isInstanceOf(TurboJpegImageReader.class);
    }

    @Test
    void contentSniffingLeavesCmykToTheNextReader() throws IOException {
        ImageReader reader = firstReaderFor(JpegTestImages.resource("cmyk.jpg"));

        assertThat(reader).isNotNull().isNotInstanceOf(TurboJpegImageReader.class);
        assertThat(reader.getOriginatingProvider().getFormatNames()).contains("jpeg");
    }

    @Test
    void writerFollowsTheReaderAsItsPair() {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        ImageWriter writer = ImageIO.getImageWriter(reader);

        assertThat(writer).isInstanceOf(TurboJpegImageWriter.class);
    }

    private static ImageReader firstReaderFor(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            return readers.hasNext() ? readers.next() : null;
        }
    }
}
