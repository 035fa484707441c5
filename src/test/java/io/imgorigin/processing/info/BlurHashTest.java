package io.imgorigin.processing.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.imgorigin.processing.StandardPipelineAccess;
import io.imgorigin.processing.pipeline.ImageInfo;

/** The BlurHash encoder against a decoder written from the same description, on uniform images and photos. */
class BlurHashTest {

    @Test
    void aUniformImageIsItsMeanColour() {
        int[] pixels = new int[32 * 24];
        java.util.Arrays.fill(pixels, 0x3366CC);
        String hash = BlurHash.encode(pixels, 32, 24, 4, 3);

        assertThat(hash).hasSize(28);
        assertThat(BlurHashDecoder.componentsX(hash)).isEqualTo(4);
        assertThat(BlurHashDecoder.componentsY(hash)).isEqualTo(3);
        assertThat(hash.substring(2, 6)).as("the mean colour, 0x3366CC in base 83").isEqualTo(base83(0x3366CC));
        // The format's basis, cos(π·i·x/width) with x counted from the left edge, does not sum to zero over the
        // pixels, so even a uniform image has some energy in the other components; its decoded mean stays.
        for (String encoded : new String[] {hash, BlurHash.encodeAsSeen(pixels, 32, 24, 4, 3)}) {
            int[] mean = BlurHashDecoder.mean(BlurHashDecoder.decode(encoded, 32, 24), 32, 0, 0, 32, 24);
            assertThat(mean[0]).isBetween(0x33 - 2, 0x33 + 2);
            assertThat(mean[1]).isBetween(0x66 - 2, 0x66 + 2);
            assertThat(mean[2]).isBetween(0xCC - 2, 0xCC + 2);
        }
    }

    private static String base83(int value) {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            out.insert(0, digits.charAt(value % 83));
            value /= 83;
        }
        return out.toString();
    }

    @Test
    void componentCountsAndLength() {
        int[] pixels = new int[16];
        assertThat(BlurHash.encode(pixels, 4, 4, 1, 1)).hasSize(6);
        assertThat(BlurHash.encode(pixels, 4, 4, 9, 9)).hasSize(4 + 2 * 81);
        assertThat(BlurHash.encode(pixels, 4, 4, 1, 1)).isEqualTo("00" + "0000");
        assertThatThrownBy(() -> BlurHash.encode(pixels, 4, 4, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlurHash.encode(pixels, 4, 4, 10, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeftToRightGradientKeepsItsDirection() {
        int width = 64;
        int[] pixels = new int[width * 16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < width; x++) {
                int v = x * 255 / (width - 1);
                pixels[y * width + x] = v << 16 | v << 8 | v;
            }
        }
        int[] decoded = BlurHashDecoder.decode(BlurHash.encode(pixels, width, 16, 4, 3), 32, 8);
        int left = BlurHashDecoder.mean(decoded, 32, 0, 0, 4, 8)[0];
        int right = BlurHashDecoder.mean(decoded, 32, 28, 0, 4, 8)[0];
        assertThat(right - left).isGreaterThan(150);
    }

    static Stream<Path> photos() throws IOException {
        List<Path> paths = new ArrayList<>(List.of(Path.of("samples/photos/plasma.jpg"), Path.of("samples/photos/shapes.jpg"),
                Path.of("samples/photos/rotated-exif6.jpg"), Path.of("samples/photos/plasma.webp"),
                Path.of("samples/image/tom.png")));
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"), "photos");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.list(corpus)) {
                files.filter(p -> p.toString().matches(".*\\.(jpe?g|png|webp)$")).sorted().forEach(paths::add);
            }
        }
        return paths.stream();
    }

    /**
     * The acceptance rule: the hash decodes to an image whose mean colour is within 10 levels of the
     * source's (alpha over white, as the hash is made), per channel.
     */
    @ParameterizedTest
    @MethodSource("photos")
    void theHashDecodesToTheSourcesMeanColour(Path photo) throws IOException {
        byte[] bytes = Files.readAllBytes(photo);
        ImageInfo info = StandardPipelineAccess.inspect(bytes);
        BufferedImage source = StandardPipelineAccess.decodeUpright(bytes);
        int[] expected = meanOverWhite(source);
        int width = 64;
        int height = Math.max(1, (int) Math.round(64.0 * info.height() / info.width()));

        int[] decoded = BlurHashDecoder.mean(BlurHashDecoder.decode(info.blurhash(), width, height), width, 0, 0,
                width, height);

        for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(decoded[c] - expected[c])).as("%s channel %d: %d vs %d", photo, c, decoded[c],
                    expected[c]).isLessThanOrEqualTo(10);
        }
    }

    private static int[] meanOverWhite(BufferedImage image) {
        long[] sums = new long[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int a = p >>> 24;
                sums[0] += ((p >> 16 & 0xFF) * a + 255 * (255 - a)) / 255;
                sums[1] += ((p >> 8 & 0xFF) * a + 255 * (255 - a)) / 255;
                sums[2] += ((p & 0xFF) * a + 255 * (255 - a)) / 255;
            }
        }
        long n = (long) image.getWidth() * image.getHeight();
        return new int[] {(int) (sums[0] / n), (int) (sums[1] / n), (int) (sums[2] / n)};
    }
}
