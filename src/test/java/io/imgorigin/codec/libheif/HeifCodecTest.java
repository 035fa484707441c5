package io.imgorigin.codec.libheif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.imgorigin.codec.heif.HeifStructure;

class HeifCodecTest {

    private static final Path CORPUS = Path.of(System.getProperty("imgorigin.corpus", "../shared/corpus"));

    @BeforeEach
    void libheif() {
        assumeTrue(HeifLibrary.instance().available(), HeifLibrary.status());
    }

    private static byte[] corpus(String name) throws Exception {
        Path file = CORPUS.resolve(name);
        assumeTrue(Files.isReadable(file), "corpus file " + file);
        return Files.readAllBytes(file);
    }

    @Test
    void readsAvifAndHeicFromTheCorpus() throws Exception {
        HeifDecoder decoder = new HeifDecoder(HeifLibrary.instance().require());
        BufferedImage avif = decoder.decode(corpus("formats/thumbor_image.avif"), null);
        assertThat(avif.getWidth()).isEqualTo(300);
        assertThat(avif.getHeight()).isEqualTo(400);
        BufferedImage heic = decoder.decode(corpus("formats/thumbor_image.heic"), null);
        assertThat(heic.getWidth()).isEqualTo(256);
        assertThat(heic.getHeight()).isEqualTo(256);
        assertThat(HeifStructure.parse(corpus("formats/thumbor_image.avif")).orElseThrow().width()).isEqualTo(300);
        assertThat(HeifStructure.parse(corpus("formats/thumbor_image.heic")).orElseThrow().height()).isEqualTo(256);
    }

    @Test
    void theBombDeclaresItsSizeInItsBoxes() throws Exception {
        HeifStructure bomb = HeifStructure.parse(corpus("bombs/libvips_17000x17000.avif")).orElseThrow();
        assertThat(bomb.width()).isEqualTo(17000);
        assertThat(bomb.codedPixels()).isGreaterThanOrEqualTo(17000L * 17000);
    }

    @Test
    void writesAvifThatReadsBackAlikeWithAlpha() throws Exception {
        assumeTrue(HeifLibrary.writesAvif(), "no AV1 encoder");
        BufferedImage image = new BufferedImage(97, 61, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 61; y++) {
            for (int x = 0; x < 97; x++) {
                image.setRGB(x, y, (x < 48 ? 0xFF : 0x40) << 24 | (x * 2) << 16 | (y * 4) << 8 | 128);
            }
        }
        for (int quality : new int[] {50, 95}) {
            byte[] avif = AvifWriter.create().write(image, quality, 8, 1);
            assertThat(HeifStructure.brand(avif)).isEqualTo("avif");
            HeifStructure structure = HeifStructure.parse(avif).orElseThrow();
            assertThat(structure.alpha()).isTrue();
            BufferedImage back = new HeifDecoder(HeifLibrary.instance().require()).decode(avif, null);
            assertThat(back.getWidth()).isEqualTo(97);
            assertThat(back.getHeight()).isEqualTo(61);
            int original = image.getRGB(70, 30);
            int decoded = back.getRGB(70, 30);
            for (int shift = 0; shift <= 24; shift += 8) {
                assertThat(Math.abs((original >>> shift & 0xFF) - (decoded >>> shift & 0xFF))).as("channel " + shift)
                        .isLessThan(12);
            }
        }
    }

    /** Mutants straight into libheif, past the box probe that refuses most of them in the service. */
    @Test
    void mutantsGoingStraightToLibheifFailCleanly() throws Exception {
        List<byte[]> seeds = new ArrayList<>(List.of(corpus("formats/thumbor_image.avif"),
                corpus("formats/thumbor_image.heic")));
        if (HeifLibrary.writesAvif()) {
            BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(3, 3, 0x80FF0000);
            seeds.add(AvifWriter.create().write(image, 60, 9, 1));
        }
        HeifDecoder decoder = new HeifDecoder(HeifLibrary.instance().require());
        Random random = new Random(7);
        int decoded = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] mutant = seeds.get(random.nextInt(seeds.size())).clone();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                int at = random.nextInt(mutant.length);
                mutant[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (mutant[at] ^ 1 << random.nextInt(8));
            }
            if (random.nextInt(4) == 0) {
                mutant = Arrays.copyOf(mutant, random.nextInt(mutant.length));
            }
            try {
                decoder.info(mutant);
                BufferedImage image = decoder.decode(mutant, random.nextBoolean() ? new Dimension(8, 8) : null);
                assertThat(image.getWidth()).isPositive();
                decoded++;
            } catch (HeifException e) {
                // refused cleanly
            }
        }
        assertThat(decoded).isPositive();
    }

    @Test
    void refusesGarbage() {
        HeifDecoder decoder = new HeifDecoder(HeifLibrary.instance().require());
        assertThatThrownBy(() -> decoder.decode(new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'}, null))
                .isInstanceOf(HeifException.class);
    }
}
