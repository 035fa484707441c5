package io.imgorigin.codec.spng;

import io.imgorigin.codec.libdeflate.Libdeflate;
import io.imgorigin.codec.png.ImageData;
import io.imgorigin.codec.png.PngHeader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.Inflater;

import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.imgorigin.codec.ByteArrayImageInputStream;
import io.imgorigin.testing.SpecFilters;

class InflatingPngDecoderTest {

    @BeforeAll
    static void requireLibrary() {
        assumeTrue(Libdeflate.instance().available(), () -> "libdeflate not loadable: " + Libdeflate.instance().describe());
    }

    @ParameterizedTest
    @EnumSource(value = TestPngs.Kind.class, names = {"RGBA8", "RGB8", "GRAY8", "GRAY_ALPHA8"})
    void decodesTheEightBitKindsAsTheJdkReaderDoes(TestPngs.Kind kind) throws IOException {
        byte[] png = kind.png();

        BufferedImage image = decode(png);

        assertSameAsJdk(png, image);
    }

    @Test
    void decodesAPhotographLikeImageWrittenInManyChunksWithEveryFilter() throws IOException {
        byte[] png = SpecFilters.png(400, 6, rgbaRows(photographLike(400, 300)), y -> y % 5, 8192);
        assertThat(idatCount(png)).isGreaterThan(1);
        assertThat(filterTypes(png)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);

        BufferedImage image = decode(png);

        assertSameAsJdk(png, image);
    }

    @Test
    void joinsImageDataSplitIntoOneByteChunks() throws IOException {
        byte[] png = SpecFilters.png(40, 6, rgbaRows(photographLike(40, 30)), y -> y % 5, 1);
        assertThat(idatCount(png)).isGreaterThan(1000);

        BufferedImage image = decode(png);

        assertSameAsJdk(png, image);
    }

    @ParameterizedTest
    @EnumSource(value = TestPngs.Kind.class, names = {"RGB8_TRNS", "GRAY8_TRNS"})
    void leavesAColourKeyToLibspng(TestPngs.Kind kind) throws IIOException {
        byte[] png = kind.png();

        assertThat(new InflatingPngDecoder(Libdeflate.instance()).decode(png, header(png))).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = TestPngs.Kind.class, names = {"PALETTE8", "GRAY16", "RGBA16", "GRAY4", "RGBA8_ADAM7"})
    void takesNeitherPalettesNorOtherDepthsNorInterlacing(TestPngs.Kind kind) {
        assertThat(InflatingPngDecoder.takes(header(kind.png()))).isFalse();
    }

    @Test
    void refusesImageDataThatFailsItsCrc() {
        byte[] png = TestPngs.Kind.RGB8.png();
        png[idatData(png) + 5] ^= 0x10;

        assertThatThrownBy(() -> decode(png)).isInstanceOf(IIOException.class).hasMessageContaining("CRC");
    }

    @Test
    void refusesAnUnknownCriticalChunk() {
        byte[] png = PngBytes.png(2, 1, 8, 2, new byte[][] {new byte[6]}, PngBytes.chunk("ZZZZ", new byte[3]));

        assertThatThrownBy(() -> decode(png)).isInstanceOf(IIOException.class)
                .hasMessageContaining("unknown critical chunk");
    }

    @Test
    void refusesImageDataShorterOrLongerThanTheHeaderSays() {
        byte[][] rows = {new byte[6], new byte[6], new byte[6]};
        byte[] short1 = PngBytes.png(2, 4, 8, 2, rows);
        byte[] long1 = PngBytes.png(2, 2, 8, 2, rows);

        assertThatThrownBy(() -> decode(short1)).isInstanceOf(IIOException.class).hasMessageContaining("fewer");
        assertThatThrownBy(() -> decode(long1)).isInstanceOf(IIOException.class).hasMessageContaining("more");
    }

    @Test
    void theReaderFallsBackToLibspngForDataThisPathRefuses() throws IOException {
        assumeTrue(SpngLibrary.instance().available(), () -> "libspng not loadable: " + SpngLibrary.instance().describe());
        byte[][] rows = {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}, {13, 14, 15, 16, 17, 18}};
        byte[] surplus = PngBytes.png(2, 2, 8, 2, rows);

        BufferedImage image = readThroughReader(surplus);

        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x0A0B0C);
    }

    private static BufferedImage decode(byte[] png) throws IIOException {
        return new InflatingPngDecoder(Libdeflate.instance()).decode(png, header(png));
    }

    private static PngHeader header(byte[] png) {
        return PngHeader.parse(png).orElseThrow();
    }

    private static BufferedImage readThroughReader(byte[] png) throws IOException {
        SpngImageReader reader = (SpngImageReader) new SpngImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = new ByteArrayImageInputStream(png)) {
            reader.setInput(in, true, true);
            return reader.read(0, null);
        } finally {
            reader.dispose();
        }
    }

    private static void assertSameAsJdk(byte[] png, BufferedImage image) throws IOException {
        BufferedImage jdk = JdkPng.read(png, null);
        boolean alpha = jdk.getColorModel().hasAlpha();
        assertThat(image.getType()).isEqualTo(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] expected = JdkPng.argb(jdk);
        if (!alpha) {
            expected = Arrays.stream(expected).map(p -> p & 0xFFFFFF).toArray();
        }
        assertThat(((DataBufferInt) image.getRaster().getDataBuffer()).getData()).isEqualTo(expected);
    }

    /** Smooth gradients, shapes and a little noise, so that the writer's adaptive filtering uses every filter. */
    private static BufferedImage photographLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 80, 150, 255), width, height, new Color(250, 210, 130, 90)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0x1000000) | random.nextInt(256) << 24, true));
            g.fillOval(random.nextInt(width), random.nextInt(height), 10 + random.nextInt(90), 10 + random.nextInt(90));
        }
        g.dispose();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i += 1 + random.nextInt(7)) {
            pixels[i] ^= random.nextInt(4) << 8;
        }
        return image;
    }

    private static byte[][] rgbaRows(BufferedImage image) {
        byte[][] rows = new byte[image.getHeight()][image.getWidth() * 4];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                rows[y][4 * x] = (byte) (argb >> 16);
                rows[y][4 * x + 1] = (byte) (argb >> 8);
                rows[y][4 * x + 2] = (byte) argb;
                rows[y][4 * x + 3] = (byte) (argb >>> 24);
            }
        }
        return rows;
    }

    private static int idatCount(byte[] png) {
        int count = 0;
        for (int position = 8; position + 8 <= png.length; position += 12 + u32(png, position)) {
            if (u32(png, position + 4) == 0x49444154) {
                count++;
            }
        }
        return count;
    }

    private static int idatData(byte[] png) {
        for (int position = 8; position + 8 <= png.length; position += 12 + u32(png, position)) {
            if (u32(png, position + 4) == 0x49444154) {
                return position + 8;
            }
        }
        throw new IllegalArgumentException("no IDAT");
    }

    /** The filter types of the rows, read with the JDK's inflater from the joined IDAT chunks. */
    private static Set<Integer> filterTypes(byte[] png) throws IIOException {
        PngHeader header = header(png);
        ImageData data = ImageData.scan(png);
        int rowBytes = header.width() * 4 + 1;
        byte[] raw = new byte[rowBytes * header.height()];
        Inflater inflater = new Inflater();
        inflater.setInput(data.bytes(), data.offset(), data.length());
        try {
            int n = inflater.inflate(raw);
            assertThat(n).isEqualTo(raw.length);
        } catch (java.util.zip.DataFormatException e) {
            throw new IIOException("not zlib", e);
        } finally {
            inflater.end();
        }
        Set<Integer> types = new HashSet<>();
        for (int y = 0; y < header.height(); y++) {
            types.add((int) raw[y * rowBytes]);
        }
        return types;
    }

    private static int u32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | bytes[offset + 3] & 0xFF;
    }
}
