package io.imgorigin.codec.turbojpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.imgorigin.processing.ProcessingEngine;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TurboJpegRegistryTest {

    @BeforeAll
    static void requireLibrary() {
        assumeTrue(TurboJpegLibrary.instance().available(), () -> "libturbojpeg not loadable: " + TurboJpegLibrary.instance().describe());
    }

    /** The service orders the providers once its plugins are scanned; so does every test here. */
    @BeforeEach
    void scanAsTheServiceDoes() {
        ProcessingEngine.detect(true);
    }

    @RepeatedTest(3)
    void nativeCodecsAreRegisteredBehindThePureJavaOnesAfterEveryScan() {
        ProcessingEngine.detect(true);

        List<ImageReader> readers = new ArrayList<>();
        ImageIO.getImageReadersByFormatName("jpeg").forEachRemaining(readers::add);
        List<ImageWriter> writers = new ArrayList<>();
        ImageIO.getImageWritersByFormatName("jpeg").forEachRemaining(writers::add);

        assertThat(readers).last().isInstanceOf(TurboJpegImageReader.class);
        assertThat(readers.getFirst()).as("what TIFF's JPEG tiles get").isNotInstanceOf(TurboJpegImageReader.class);
        assertThat(writers).last().isInstanceOf(TurboJpegImageWriter.class);
        assertThat(writers.getFirst()).isNotInstanceOf(TurboJpegImageWriter.class);
    }

    @Test
    void contentSniffingOffersTurboJpegForPlainJpegs() throws IOException {
        byte[] jpeg = JpegTestImages.javaJpeg(JpegTestImages.photo(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB),
                0.9f, false);

        assertThat(readersFor(jpeg)).anyMatch(TurboJpegImageReader.class::isInstance);
    }

    @Test
    void contentSniffingLeavesCmykToTheOtherReaders() throws IOException {
        List<ImageReader> readers = readersFor(JpegTestImages.resource("cmyk.jpg"));

        assertThat(readers).isNotEmpty().noneMatch(TurboJpegImageReader.class::isInstance);
    }

    @Test
    void writerIsTheReadersPair() {
        ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);

        assertThat(ImageIO.getImageWriter(reader)).isInstanceOf(TurboJpegImageWriter.class);
    }

    private static List<ImageReader> readersFor(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            List<ImageReader> readers = new ArrayList<>();
            ImageIO.getImageReaders(in).forEachRemaining(readers::add);
            return readers;
        }
    }
}
