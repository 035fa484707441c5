package io.imgorigin.codec.libjxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** libjxl 0.7 through java.lang.foreign: header, first frame, refusals, and mutants straight into the decoder. */
class JxlCodecTest {

    private static final Path CORPUS = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
    private static final String FILE = "formats/imgproxy-ti_jxl.jxl";

    private byte[] jxl;

    @BeforeEach
    void libraryAndCorpus() throws IOException {
        assumeTrue(JxlLibrary.readsJxl(), JxlLibrary.status());
        Path file = CORPUS.resolve(FILE);
        assumeTrue(Files.isReadable(file), "corpus file " + file);
        jxl = Files.readAllBytes(file);
    }

    private static JxlDecoder decoder() {
        return new JxlDecoder(JxlLibrary.instance().require());
    }

    @Test
    void headerBeforeAnyPixel() throws IIOException {
        assertThat(JxlSignature.matches(jxl)).isTrue();
        JxlDecoder.Info info = decoder().info(jxl);
        assertThat(info.width()).isEqualTo(924);
        assertThat(info.height()).isEqualTo(1386);
        assertThat(info.animated()).isFalse();
    }

    @Test
    void decodesTheImageAsImageIoOffersIt() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jxl));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(924);
        assertThat(image.getHeight()).isEqualTo(1386);
        assertThat(image.getType()).isIn(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB);
    }

    @Test
    void refusesOverThePixelLimitBeforeDecoding() {
        assertThatThrownBy(() -> decoder().decode(jxl, 1000)).isInstanceOf(IIOException.class)
                .hasMessageContaining("pixels");
    }

    @Test
    void refusesTruncatedAndGarbageInput() {
        assertThatThrownBy(() -> decoder().decode(Arrays.copyOf(jxl, jxl.length / 2), Long.MAX_VALUE))
                .isInstanceOf(IIOException.class);
        assertThatThrownBy(() -> decoder().info(new byte[] {(byte) 0xFF, 0x0A})).isInstanceOf(IIOException.class);
        assertThatThrownBy(() -> decoder().info(new byte[0])).isInstanceOf(IIOException.class);
    }

    @Test
    void aMissingLibraryIsReportedNotLoaded() {
        JxlLibrary missing = new JxlLibrary(List.of("/nonexistent/libjxl.so.0.7"));
        assertThat(missing.available()).isFalse();
        assertThat(missing.describe()).startsWith("unavailable");
    }

    @Test
    void mutantsAreDecodedOrRefusedNeverCrash() {
        JxlDecoder decoder = decoder();
        Random random = new Random(13);
        int decoded = 0;
        for (int i = 0; i < 300; i++) {
            byte[] mutant = jxl.clone();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                int at = random.nextInt(mutant.length);
                mutant[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (mutant[at] ^ 1 << random.nextInt(8));
            }
            if (random.nextInt(4) == 0) {
                mutant = Arrays.copyOf(mutant, random.nextInt(mutant.length));
            }
            try {
                decoder.info(mutant);
                BufferedImage image = decoder.decode(mutant, 4_000_000);
                assertThat(image.getWidth()).isPositive();
                decoded++;
            } catch (IIOException e) {
                // refused cleanly
            }
        }
        assertThat(decoded).isPositive();
    }
}
