package io.imgorigin.codec.spng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.imgorigin.codec.ByteArrayImageInputStream;

class SpngImageReaderTest {

    @BeforeAll
    static void requireLibrary() {
        assumeTrue(SpngLibrary.instance().available(), () -> "libspng not loadable: " + SpngLibrary.instance().describe());
    }

    @ParameterizedTest
    @EnumSource(TestPngs.Kind.class)
    void decodesEveryColourTypeAndBitDepthAsTheJdkReaderDoes(TestPngs.Kind kind) throws IOException {
        assertSameAsJdk(kind, null);
    }

    static Stream<Arguments> params() {
        return Arrays.stream(TestPngs.Kind.values()).flatMap(kind -> Stream.<Consumer<ImageReadParam>>of(
                param -> param.setSourceSubsampling(2, 2, 0, 0),
                param -> param.setSourceSubsampling(3, 5, 1, 2),
                param -> param.setSourceSubsampling(8, 8, 0, 0),
                param -> param.setSourceRegion(new Rectangle(5, 3, 20, 15)),
                param -> {
                    param.setSourceRegion(new Rectangle(3, 2, 31, 19));
                    param.setSourceSubsampling(4, 3, 2, 1);
                },
                param -> param.setSourceRegion(new Rectangle(30, 20, 50, 50)))
                .map(setting -> Arguments.of(kind, setting)));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("params")
    void subsamplingAndSourceRegionsPickTheJdkReadersPixels(TestPngs.Kind kind, Consumer<ImageReadParam> setting)
            throws IOException {
        ImageReadParam param = new ImageReadParam();
        setting.accept(param);

        assertSameAsJdk(kind, param);
    }

    @Test
    void sixteenBitSamplesAreScaledFromTheFullRange() throws IOException {
        byte[][] line = {PngBytes.u16(0xFFFF, 0x8080, 0x0000, 51500, 0xFF00, 0x00FF)};
        byte[] png = PngBytes.png(6, 1, 16, 0, line);

        BufferedImage image = read(png, null);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x808080);
        assertThat(image.getRGB(2, 0) & 0xFFFFFF).isZero();
        assertThat(image.getRGB(3, 0) & 0xFF).as("51500 / 257 rounds down, its high byte is 201").isEqualTo(200);
        assertThat(image.getRGB(4, 0) & 0xFF).isEqualTo(254);
        assertThat(image.getRGB(5, 0) & 0xFF).isEqualTo(1);
    }

    @Test
    void aGrayKeyBeyondTheBitDepthIsMaskedToItAsLibpngDoes() throws IOException {
        byte[][] lines = {{(byte) 0b1010_0000}};
        byte[] png = PngBytes.png(4, 1, 1, 0, lines, PngBytes.chunk("tRNS", PngBytes.u16(0x00FF)));

        BufferedImage image = read(png, null);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(pixels(image)).containsExactly(0x00FFFFFF, 0xFF000000, 0x00FFFFFF, 0xFF000000);
    }

    @Test
    void imagesWithAlphaAreNonPremultipliedArgbAndOthersRgb() throws IOException {
        assertThat(read(TestPngs.Kind.RGBA8.png(), null).getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(read(TestPngs.Kind.PALETTE_TRNS.png(), null).getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(read(TestPngs.Kind.GRAY8_TRNS.png(), null).getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(read(TestPngs.Kind.PALETTE8.png(), null).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(read(TestPngs.Kind.GRAY16.png(), null).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void reportsTheSizeAndTheTypeItReturns() throws IOException {
        ImageReader reader = new SpngImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = new ByteArrayImageInputStream(TestPngs.Kind.RGB8_TRNS.png())) {
            reader.setInput(in, true, true);

            assertThat(reader.getWidth(0)).isEqualTo(TestPngs.WIDTH);
            assertThat(reader.getHeight(0)).isEqualTo(TestPngs.HEIGHT);
            assertThat(reader.getImageTypes(0)).toIterable().map(ImageTypeSpecifier::getBufferedImageType)
                    .containsExactly(BufferedImage.TYPE_INT_ARGB);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void answersForItsOneImageWhateverIsAskedFirstAndForgetsItWithANewInput() throws IOException {
        ImageReader reader = new SpngImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream rgba = new ByteArrayImageInputStream(TestPngs.Kind.RGBA8.png());
                ImageInputStream gray = new ByteArrayImageInputStream(TestPngs.Kind.GRAY16.png())) {
            reader.setInput(rgba, true, true);

            assertThat(reader.getImageTypes(0)).toIterable().map(ImageTypeSpecifier::getBufferedImageType)
                    .containsExactly(BufferedImage.TYPE_INT_ARGB);
            assertThat(reader.getNumImages(true)).isOne();
            assertThatThrownBy(() -> reader.getWidth(1)).isInstanceOf(IndexOutOfBoundsException.class);

            reader.setInput(gray, true, true);

            assertThat(reader.getImageTypes(0)).toIterable().map(ImageTypeSpecifier::getBufferedImageType)
                    .containsExactly(BufferedImage.TYPE_INT_RGB);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void readsAStreamThatIsNotHeldInOneArrayFromWhereItWasSet() throws IOException {
        byte[] png = TestPngs.Kind.RGBA8.png();
        byte[] prefixed = new byte[png.length + 7];
        System.arraycopy(png, 0, prefixed, 7, png.length);
        ImageReader reader = new SpngImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(prefixed))) {
            in.skipBytes(7);
            reader.setInput(in, true, true);

            assertThat(pixels(reader.read(0, null))).isEqualTo(JdkPng.argb(JdkPng.read(png, null)));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void truncatedImageDataIsAnIioExceptionWithLibspngsReason() {
        byte[] png = TestPngs.Kind.RGB8.png();
        byte[] truncated = Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> read(truncated, null)).isInstanceOf(IIOException.class)
                .hasMessageContaining("libspng error");
        assertThatThrownBy(() -> read(truncated, subsampled(2))).isInstanceOf(IIOException.class);
    }

    @Test
    void corruptImageDataIsAnIioException() {
        byte[] png = TestPngs.Kind.RGBA8.png();
        byte[] badChecksum = png.clone();
        // The IHDR's CRC: a critical chunk whose checksum does not match.
        badChecksum[32] ^= 0x55;
        byte[] garbage = png.clone();
        Arrays.fill(garbage, 45, garbage.length - 12, (byte) 0x5A);

        assertThatThrownBy(() -> read(badChecksum, null)).isInstanceOf(IIOException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> read(garbage, null)).isInstanceOf(IIOException.class);
        assertThatThrownBy(() -> read(garbage, subsampled(3))).isInstanceOf(IIOException.class);
    }

    @Test
    void aHugeSubsampledPngIsDecodedARowAtATime() throws IOException {
        int side = 6000;
        byte[] png = PngBytes.bands(side, side);
        ImageReadParam param = subsampled(16);
        read(PngBytes.bands(64, 64), param);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        BufferedImage image = read(png, param);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(image.getWidth()).isEqualTo(375);
        assertThat(image.getRGB(100, 200) & 0xFFFFFF).isEqualTo((200 * 16 / 64) << 16 | (100 * 16 / 64) << 8 | 0x80);
        assertThat(allocated).as("bytes allocated; the whole image would take %d", (long) side * side * 4)
                .isLessThan(4L << 20);
    }

    /**
     * Compares with the JDK reader's result for the same parameters and with its whole image sampled as
     * ImageIO defines regions and subsampling. Where the JDK reader has bugs of its own, only the second.
     */
    private static void assertSameAsJdk(TestPngs.Kind kind, ImageReadParam param) throws IOException {
        byte[] png = kind.png();
        BufferedImage whole = JdkPng.read(png, null);
        BufferedImage actual = read(png, param);

        boolean alpha = whole.getColorModel().hasAlpha();
        assertThat(actual.getType()).isEqualTo(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] expected = kind.asSpecified(JdkPng.sample(JdkPng.argb(whole), whole.getWidth(), whole.getHeight(),
                param));
        if (!alpha) {
            expected = Arrays.stream(expected).map(p -> p & 0xFFFFFF).toArray();
        }
        assertThat(mismatches(pixels(actual), expected, actual.getWidth())).isEmpty();
        if (param != null && kind.jdkReadsRegions()) {
            BufferedImage jdk = JdkPng.read(png, copy(param));
            assertThat(actual.getWidth()).isEqualTo(jdk.getWidth());
            assertThat(actual.getHeight()).isEqualTo(jdk.getHeight());
            int[] wanted = kind.asSpecified(JdkPng.argb(jdk));
            if (!alpha) {
                wanted = Arrays.stream(wanted).map(p -> p & 0xFFFFFF).toArray();
            }
            assertThat(mismatches(pixels(actual), wanted, actual.getWidth())).isEmpty();
        }
    }

    /** Where the pixels differ, as "(x,y) got/wanted", the first few of them. */
    private static java.util.List<String> mismatches(int[] actual, int[] wanted, int width) {
        return java.util.stream.IntStream.range(0, actual.length).filter(i -> actual[i] != wanted[i]).limit(5)
                .mapToObj(i -> "(%d,%d) %08x/%08x".formatted(i % width, i / width, actual[i], wanted[i])).toList();
    }

    private static BufferedImage read(byte[] png, ImageReadParam param) throws IOException {
        ImageReader reader = new SpngImageReaderSpi().createReaderInstance(null);
        try (ImageInputStream in = new ByteArrayImageInputStream(png)) {
            reader.setInput(in, true, true);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private static ImageReadParam subsampled(int step) {
        ImageReadParam param = new ImageReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    private static ImageReadParam copy(ImageReadParam param) {
        if (param == null) {
            return null;
        }
        ImageReadParam copy = JdkPng.param();
        copy.setSourceRegion(param.getSourceRegion());
        copy.setSourceSubsampling(param.getSourceXSubsampling(), param.getSourceYSubsampling(),
                param.getSubsamplingXOffset(), param.getSubsamplingYOffset());
        return copy;
    }
}
