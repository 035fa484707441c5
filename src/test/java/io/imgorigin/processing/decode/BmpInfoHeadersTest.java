package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class BmpInfoHeadersTest {

    /** A classic BMP re-made with a 66-byte info header: 26 unknown bytes after the classic 40. */
    private static byte[] withUnknownHeaderSize(byte[] classic) {
        int extra = 26;
        byte[] out = new byte[classic.length + extra];
        System.arraycopy(classic, 0, out, 0, 54);
        System.arraycopy(classic, 54, out, 54 + extra, classic.length - 54);
        ByteBuffer header = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(2, out.length);
        header.putInt(10, header.getInt(10) + extra);
        header.putInt(14, 40 + extra);
        return out;
    }

    @Test
    void unknownInfoHeaderSizeBecomesTheClassicOne() throws IOException {
        BufferedImage image = TestImageBytes.marked(16, 8, BufferedImage.TYPE_INT_RGB);
        byte[] odd = withUnknownHeaderSize(TestImageBytes.encode(image, "bmp"));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(BmpInfoHeaders.normalised(odd)));

        assertThat(decoded.getWidth()).isEqualTo(16);
        assertThat(decoded.getHeight()).isEqualTo(8);
        for (int[] p : new int[][] {{0, 0}, {15, 0}, {0, 7}, {15, 7}, {8, 4}}) {
            assertThat(decoded.getRGB(p[0], p[1])).isEqualTo(image.getRGB(p[0], p[1]));
        }
    }

    @Test
    void filesWithAKnownHeaderAreLeftAsTheyAre() {
        byte[] classic = TestImageBytes.encode(TestImageBytes.marked(4, 4, BufferedImage.TYPE_INT_RGB), "bmp");

        assertThat(BmpInfoHeaders.normalised(classic)).isSameAs(classic);
    }
}
