package io.imgorigin.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.imgorigin.codec.jpeg.DcImageReader.DcImage;
import io.imgorigin.testing.JpegVariants;
import io.imgorigin.testing.JpegVariants.Kind;
import io.imgorigin.testing.TestImages;

/** The 1/8 image from DC coefficients, against the block means of the full decode, and under hostile bytes. */
class DcImageReaderTest {

    private static final long MAX_PIXELS = 50_000_000;

    static Stream<Kind> kinds() {
        return Stream.of(new Kind(false, true, 0, 0.9f), new Kind(false, false, 0, 0.9f),
                new Kind(true, true, 0, 0.9f), new Kind(true, false, 0, 0.75f),
                new Kind(false, true, 3, 0.9f), new Kind(false, false, 7, 0.9f), new Kind(true, true, 2, 0.9f));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachPixelIsItsBlocksMean(Kind kind) throws JpegDataException {
        // Sizes that are not multiples of the MCU, so the partial blocks at the edges count too; no more MCU
        // rows than are sampled, so every row is read.
        BufferedImage picture = JpegVariants.photoLike(517, 253, 7);
        byte[] jpeg = JpegVariants.encode(picture, kind);
        BufferedImage decoded = TestImages.decode(jpeg);

        DcImage dc = DcImageReader.read(jpeg, MAX_PIXELS).orElseThrow();

        assertThat(dc.width()).isEqualTo(65);
        assertThat(dc.height()).isEqualTo(32);
        // With chroma halved both ways a 16×16 block's chroma goes with four 8×8 blocks' luma, so the means
        // agree over each 16×16 (RGB is linear in YCbCr); at full chroma resolution over each 8×8 block.
        int cell = kind.subsampled() ? 2 : 1;
        long difference = 0;
        int cells = 0;
        for (int cy = 0; cy < dc.height(); cy += cell) {
            for (int cx = 0; cx < dc.width(); cx += cell) {
                int[] mean = TestImages.meanRgb(decoded, cx * 8, cy * 8, Math.min(8 * cell, 517 - cx * 8),
                        Math.min(8 * cell, 253 - cy * 8));
                long[] sums = new long[3];
                int blocks = 0;
                for (int by = cy; by < Math.min(dc.height(), cy + cell); by++) {
                    for (int bx = cx; bx < Math.min(dc.width(), cx + cell); bx++, blocks++) {
                        int pixel = dc.rgb()[by * dc.width() + bx];
                        for (int c = 0; c < 3; c++) {
                            sums[c] += pixel >> (16 - 8 * c) & 0xFF;
                        }
                    }
                }
                for (int c = 0; c < 3; c++) {
                    difference += Math.abs(Math.round((double) sums[c] / blocks) - mean[c]);
                }
                cells++;
            }
        }
        // Only the rounding of the inverse DCT, clamping, and the padding of the blocks at the edges (whose
        // pixels outside the image count in the DC) differ.
        assertThat((double) difference / (cells * 3)).as(kind.toString()).isLessThan(1.5);
    }

    @Test
    void restartIntervalsAreReadForEvenlySpreadRowsOnly() throws JpegDataException {
        // 100 MCU rows of 16 px, one restart interval each: 48 are decoded, the others take the nearest's values.
        BufferedImage picture = JpegVariants.photoLike(640, 1600, 11);
        byte[] restarts = JpegVariants.encode(picture, new Kind(false, true, 40, 0.9f));
        byte[] plain = JpegVariants.encode(picture, new Kind(false, true, 0, 0.9f));

        DcImage sampled = DcImageReader.read(restarts, MAX_PIXELS).orElseThrow();
        DcImage full = DcImageReader.read(plain, MAX_PIXELS).orElseThrow();

        assertThat(sampled.width()).isEqualTo(80);
        assertThat(sampled.height()).isEqualTo(200);
        for (int i = 0; i < DcImageReader.SAMPLED_ROWS; i++) {
            int mcuRow = (2 * i + 1) * 100 / (2 * DcImageReader.SAMPLED_ROWS);
            for (int y = 2 * mcuRow; y < 2 * mcuRow + 2; y++) {
                assertThat(Arrays.copyOfRange(sampled.rgb(), y * 80, y * 80 + 80)).as("row %d", y)
                        .isEqualTo(Arrays.copyOfRange(full.rgb(), y * 80, y * 80 + 80));
            }
        }
        // The rows left out cost accuracy where an edge runs along them (the horizon here: one MCU row of
        // ground read as sky), but little over the picture.
        int[] expected = TestImages.meanRgb(TestImages.decode(restarts), 0, 0, 640, 1600);
        int[] mean = mean(sampled);
        for (int c = 0; c < 3; c++) {
            assertThat(mean[c]).as("channel %d", c).isCloseTo(expected[c], Offset.offset(3));
        }
    }

    private static int[] mean(DcImage image) {
        long[] sums = new long[3];
        for (int pixel : image.rgb()) {
            for (int c = 0; c < 3; c++) {
                sums[c] += pixel >> (16 - 8 * c) & 0xFF;
            }
        }
        int n = image.rgb().length;
        return new int[] {(int) (sums[0] / n), (int) (sums[1] / n), (int) (sums[2] / n)};
    }

    @Test
    void grayIsRead() throws JpegDataException {
        BufferedImage gray = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(JpegVariants.photoLike(64, 48, 5), 0, 0, null);
        byte[] jpeg = TestImages.encode(gray, "jpeg");
        BufferedImage decoded = TestImages.decode(jpeg);

        DcImage dc = DcImageReader.read(jpeg, MAX_PIXELS).orElseThrow();

        // The raw samples: getRGB would convert the gray colour space's values.
        int sum = 0;
        for (int y = 16; y < 24; y++) {
            for (int x = 24; x < 32; x++) {
                sum += decoded.getRaster().getSample(x, y, 0);
            }
        }
        int pixel = dc.rgb()[2 * 8 + 3];
        assertThat(pixel >> 16 & 0xFF).isEqualTo(pixel & 0xFF).isCloseTo(Math.round(sum / 64f), Offset.offset(2));
    }

    @Test
    void cmykIsLeftToOtherReaders() throws IOException {
        try (InputStream in = DcImageReaderTest.class.getResourceAsStream("/decode/cmyk.jpg")) {
            assertThat(DcImageReader.read(in.readAllBytes(), MAX_PIXELS)).isEmpty();
        }
    }

    @Test
    void aFrameOverThePixelLimitIsRefusedBeforeAnyAllocation() {
        byte[] jpeg = JpegVariants.encode(JpegVariants.photoLike(64, 48, 1), new Kind(true, true, 0, 0.9f));

        assertThatThrownBy(() -> DcImageReader.read(jpeg, 64 * 47))
                .isInstanceOf(JpegDataException.class).hasMessageContaining("pixels");
    }

    /**
     * A bounded fuzz run: small JPEGs of each kind with random bytes changed, runs of bytes removed or
     * inserted, or cut short. The reader answers an image, empty, or JpegDataException, and nothing else.
     */
    @Test
    void hostileBytesGiveAnImageOrJpegDataExceptionOnly() {
        List<byte[]> seeds = kinds().map(kind -> JpegVariants.encode(JpegVariants.photoLike(72, 40, 2), kind)).toList();
        Random random = new Random(20261204);
        int images = 0;
        int refused = 0;
        for (int round = 0; round < 6000; round++) {
            byte[] seed = seeds.get(round % seeds.size());
            byte[] mutated = mutate(seed, random);
            try {
                Optional<DcImage> dc = DcImageReader.read(mutated, MAX_PIXELS);
                if (dc.isPresent()) {
                    images++;
                    assertThat(dc.get().rgb()).hasSize(dc.get().width() * dc.get().height());
                }
            } catch (JpegDataException expected) {
                refused++;
            } catch (RuntimeException | Error e) {
                fail("round %d: %s on %s", round, e, Arrays.toString(mutated), e);
            }
        }
        assertThat(images).as("some mutations still read").isPositive();
        assertThat(refused).as("some mutations refused").isPositive();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                // Headers are where lengths and indices live: hit the first few hundred bytes harder.
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    bytes[random.nextInt(Math.min(bytes.length, 700))] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
                }
            }
            case 2 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> {
                int at = random.nextInt(bytes.length);
                int length = random.nextInt(Math.min(64, bytes.length - at) + 1);
                byte[] cut = new byte[bytes.length - length];
                System.arraycopy(bytes, 0, cut, 0, at);
                System.arraycopy(bytes, at + length, cut, at, bytes.length - at - length);
                bytes = cut;
            }
        }
        return bytes;
    }
}
