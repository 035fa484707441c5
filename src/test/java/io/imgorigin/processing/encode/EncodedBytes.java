package io.imgorigin.processing.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Reading back and inspecting what the encoders wrote. */
final class EncodedBytes {

    private EncodedBytes() {
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("decodable").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] bytes, byte... needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean contains(byte[] bytes, String text) {
        return contains(bytes, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static void assertNoMetadata(byte[] bytes) {
        for (String marker : new String[] {"Exif", "GPS", "ICC_PROFILE", "http://ns.adobe.com/xap", "eXIf", "iCCP",
                "tEXt", "iTXt", "zTXt", "EXIF", "ICCP", "XMP "}) {
            assertThat(contains(bytes, marker)).as("contains %s", marker).isFalse();
        }
    }

    /** Mean of each channel (alpha, red, green, blue) over the pixels. */
    static double[] mean(BufferedImage image) {
        double[] sums = new double[4];
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int p : pixels) {
            sums[0] += p >>> 24;
            sums[1] += p >> 16 & 0xFF;
            sums[2] += p >> 8 & 0xFF;
            sums[3] += p & 0xFF;
        }
        for (int i = 0; i < 4; i++) {
            sums[i] /= pixels.length;
        }
        return sums;
    }
}
