package io.imgorigin.codec.spng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.imgorigin.codec.ByteArrayImageInputStream;
import io.imgorigin.processing.ProcessingEngine;

class SpngImageReaderSpiTest {

    private final SpngImageReaderSpi spi = new SpngImageReaderSpi();

    @BeforeAll
    static void requireLibrary() {
        assumeTrue(SpngLibrary.instance().available(), () -> "libspng not loadable: " + SpngLibrary.instance().describe());
    }

    /** The service orders the providers once its plugins are scanned; so does every test here. */
    @BeforeEach
    void scanAsTheServiceDoes() {
        ProcessingEngine.detect(true);
    }

    @Test
    void claimsPngsOfEveryKindAndLeavesTheStreamWhereItWas() throws IOException {
        for (TestPngs.Kind kind : TestPngs.Kind.values()) {
            try (ImageInputStream in = new ByteArrayImageInputStream(kind.png())) {
                assertThat(spi.canDecodeInput(in)).as(kind.name()).isTrue();
                assertThat(in.getStreamPosition()).isZero();
            }
        }
    }

    @Test
    void doesNotClaimWhatIsNotAPngWithAValidHeader() throws IOException {
        byte[] png = TestPngs.Kind.RGB8.png();
        byte[] badDepth = png.clone();
        badDepth[24] = 3;
        byte[] jpeg = encode("jpeg");
        List<byte[]> others = List.of(new byte[0], Arrays.copyOf(png, 20), badDepth, jpeg, encode("gif"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII));

        for (byte[] other : others) {
            try (ImageInputStream in = new ByteArrayImageInputStream(other)) {
                assertThat(spi.canDecodeInput(in)).isFalse();
            }
        }
        assertThat(spi.canDecodeInput(png)).as("not a stream").isFalse();
    }

    @Test
    void isRegisteredBehindTheJdkReaderAndNamesItself() {
        List<ImageReader> readers = new ArrayList<>();
        ImageIO.getImageReadersByFormatName("png").forEachRemaining(readers::add);

        assertThat(readers.getFirst()).as("what other plugins get").isNotInstanceOf(SpngImageReader.class);
        assertThat(readers).last().isInstanceOf(SpngImageReader.class);
        assertThat(spi.codecName()).isEqualTo("spng");
        assertThat(ProcessingEngine.detect(true).pngPath()).isEqualTo("spng");
        assertThat(ProcessingEngine.detect(false).pngPath()).isEqualTo("imageio");
    }

    @Test
    void contentSniffingOffersIt() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(TestPngs.Kind.RGBA8.png()))) {
            List<ImageReader> readers = new ArrayList<>();
            ImageIO.getImageReaders(in).forEachRemaining(readers::add);

            assertThat(readers).anyMatch(SpngImageReader.class::isInstance);
        }
    }

    private static byte[] encode(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
