package io.imgorigin.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.info.BlurHashDecoder;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImageInfo;
import io.imgorigin.processing.pipeline.ImageInspector;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.testing.ExifJpegs;
import io.imgorigin.testing.JpegVariants;
import io.imgorigin.testing.TestImages;

/** {@code info=true}: the header's facts and the colours of a small decode, for known files. */
class InspectorTest {

    private static final ImageInspector INSPECTOR = StandardPipeline.inspector(new StandardPipeline.Settings(
            new Geometry(8192), 50_000_000, 1000, new MemoryBudget(1L << 30, Duration.ofSeconds(1)), true),
            StageObserver.NONE);

    static ImageInfo inspect(byte[] bytes) {
        return INSPECTOR.inspect(bytes, Deadline.after(Duration.ofMinutes(1)));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = InspectorTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anExifRotatedJpegIsDescribedUpright() throws IOException {
        byte[] bytes = resource("/decode/orientation-6.jpg");
        ImageInfo info = inspect(bytes);

        assertThat(info.format()).isEqualTo(SourceFormat.JPEG);
        assertThat(info.width()).as("stored 32×48, upright 48×32").isEqualTo(48);
        assertThat(info.height()).isEqualTo(32);
        assertThat(info.orientation()).isEqualTo(6);
        assertThat(info.alpha()).isFalse();
        assertThat(info.frames()).isEqualTo(1);
        assertThat(info.bytes()).isEqualTo(bytes.length);
        assertThat(info.blurhash()).hasSize(28).startsWith("L");

        ImageInfo sample = inspect(Files.readAllBytes(Path.of("samples/photos/rotated-exif6.jpg")));
        assertThat(sample.width()).isEqualTo(1200);
        assertThat(sample.height()).isEqualTo(800);
        assertThat(sample.orientation()).isEqualTo(6);
    }

    @Test
    void anAnimatedGifCountsItsFrames() throws IOException {
        ImageInfo info = inspect(animatedGif(5, 40, 30));

        assertThat(info.format()).isEqualTo(SourceFormat.GIF);
        assertThat(info.frames()).isEqualTo(5);
        assertThat(info.width()).isEqualTo(40);
        assertThat(info.height()).isEqualTo(30);
        assertThat(info.dominantColor()).as("the first frame, red").isEqualTo(0xFF0000);
    }

    @Test
    void aPngWithAlphaSaysSo() {
        ImageInfo withAlpha = inspect(TestImages.png(64, 48, true));
        assertThat(withAlpha.format()).isEqualTo(SourceFormat.PNG);
        assertThat(withAlpha.alpha()).isTrue();
        assertThat(withAlpha.frames()).isEqualTo(1);
        assertThat(withAlpha.width()).isEqualTo(64);
        // Three opaque quadrants (red, green, blue) and a transparent one: the transparent one does not count,
        // and the three tie, so the first bin in order (blue) is the dominant colour.
        assertThat(withAlpha.dominantColor()).isEqualTo(0x0000FF);

        assertThat(inspect(TestImages.png(64, 48, false)).alpha()).isFalse();
    }

    @Test
    void theDominantColourIsTheMostCommonOne() {
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2060A0));
        g.fillRect(0, 0, 100, 100);
        g.setColor(new Color(0xF0F0F0));
        g.fillRect(0, 0, 100, 30);
        g.dispose();

        assertThat(inspect(TestImages.encode(image, "png")).dominantColor()).isEqualTo(0x2060A0);
    }

    @Test
    void aCameraJpegsExifPreviewIsWhatTheColoursComeFrom() {
        byte[] blue = TestImages.encode(filled(640, 480, 0x0000FF), "jpeg");
        byte[] redPreview = TestImages.encode(filled(160, 120, 0xFF0000), "jpeg");
        ImageInfo info = inspect(ExifJpegs.withPreview(blue, 1, redPreview));

        assertThat(info.width()).isEqualTo(640);
        assertThat(info.dominantColor() >> 16 & 0xFF).as("red: the preview was decoded").isGreaterThan(240);

        byte[] squarePreview = TestImages.encode(filled(120, 120, 0xFF0000), "jpeg");
        ImageInfo other = inspect(ExifJpegs.withPreview(blue, 1, squarePreview));
        assertThat(other.dominantColor() & 0xFF).as("blue: a preview of another shape is not used").isGreaterThan(240);

        byte[] brokenPreview = java.util.Arrays.copyOf(redPreview, 200);
        ImageInfo broken = inspect(ExifJpegs.withPreview(blue, 1, brokenPreview));
        assertThat(broken.dominantColor() & 0xFF).as("blue: a preview that does not decode is not used")
                .isGreaterThan(240);
    }

    @Test
    void thePreviewIsTurnedUprightWithTheImage() {
        BufferedImage stored = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 320, 480);
        g.setColor(Color.BLUE);
        g.fillRect(320, 0, 320, 480);
        g.dispose();
        byte[] main = TestImages.encode(stored, "jpeg");
        BufferedImage small = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D s = small.createGraphics();
        s.drawImage(stored, 0, 0, 160, 120, null);
        s.dispose();
        byte[] preview = TestImages.encode(small, "jpeg");

        ImageInfo fromPreview = inspect(ExifJpegs.withPreview(main, 6, preview));
        ImageInfo fromImage = inspect(ExifJpegs.withPreview(main, 6, TestImages.encode(filled(10, 10, 0), "jpeg")));

        assertThat(fromPreview.width()).isEqualTo(480);
        assertThat(fromPreview.height()).isEqualTo(640);
        // Orientation 6 turns the stored left half (red) to the top, whichever was decoded.
        for (ImageInfo info : new ImageInfo[] {fromPreview, fromImage}) {
            int[] pixels = BlurHashDecoder.decode(info.blurhash(), 30, 40);
            int[] top = BlurHashDecoder.mean(pixels, 30, 0, 0, 30, 10);
            int[] bottom = BlurHashDecoder.mean(pixels, 30, 0, 30, 30, 10);
            assertThat(top[0]).as("red on top").isGreaterThan(top[2] + 100);
            assertThat(bottom[2]).as("blue at the bottom").isGreaterThan(bottom[0] + 100);
        }
    }

    @Test
    void limitsApplyAsToImages() {
        byte[] bomb = TestImages.png(64, 64, false);
        // IHDR width at offset 16: declare 100000×64 = 6.4 MP over a 5 MP limit.
        ImageInspector small = StandardPipeline.inspector(new StandardPipeline.Settings(new Geometry(8192), 5_000_000,
                1000, new MemoryBudget(1L << 30, Duration.ofSeconds(1)), true), StageObserver.NONE);
        bomb[16] = 0;
        bomb[17] = 1;
        bomb[18] = (byte) 0x86;
        bomb[19] = (byte) 0xA0;
        assertThatThrownBy(() -> small.inspect(bomb, Deadline.after(Duration.ofMinutes(1))))
                .isInstanceOf(UnusableImageException.class).hasMessageContaining("pixels");
        assertThatThrownBy(() -> inspect("not an image".getBytes()))
                .isInstanceOf(UnsupportedImageException.class);
    }

    /**
     * A JPEG without a preview whose DC coefficients can be read cheaply (progressive, or with restart
     * markers) is described as the full decode describes the same picture: the reference is the picture as
     * a baseline JPEG without restart markers, which libjpeg-turbo decodes at 1/8.
     */
    @Test
    void theDcPathAgreesWithTheFullDecode() {
        BufferedImage picture = JpegVariants.photoLike(1200, 1700, 16);
        byte[] reference = JpegVariants.encode(picture, new JpegVariants.Kind(false, true, 0, 0.9f));
        ImageInfo expected = inspect(reference);
        int[] pictureMean = TestImages.meanRgb(TestImages.decode(reference), 0, 0, 1200, 1700);
        int[] expectedHash = BlurHashDecoder.mean(BlurHashDecoder.decode(expected.blurhash(), 24, 34), 24, 0, 0, 24, 34);

        for (JpegVariants.Kind kind : new JpegVariants.Kind[] {new JpegVariants.Kind(true, true, 0, 0.9f),
                new JpegVariants.Kind(true, false, 0, 0.9f), new JpegVariants.Kind(false, true, 75, 0.9f),
                new JpegVariants.Kind(false, false, 150, 0.9f)}) {
            ImageInfo info = inspect(JpegVariants.encode(picture, kind));

            assertThat(info.width()).isEqualTo(1200);
            assertThat(info.height()).isEqualTo(1700);
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(info.dominantColor() >> shift & 0xFF).as("%s dominant colour", kind)
                        .isCloseTo(expected.dominantColor() >> shift & 0xFF, Offset.offset(4));
            }
            int[] hash = BlurHashDecoder.mean(BlurHashDecoder.decode(info.blurhash(), 24, 34), 24, 0, 0, 24, 34);
            for (int c = 0; c < 3; c++) {
                assertThat(hash[c]).as("%s BlurHash mean, channel %d", kind, c).isCloseTo(pictureMean[c], Offset.offset(10))
                        .isCloseTo(expectedHash[c], Offset.offset(4));
            }
        }
    }

    @Test
    void aRotatedProgressiveJpegIsDescribedAndColouredUpright() {
        BufferedImage stored = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 320, 480);
        g.setColor(Color.BLUE);
        g.fillRect(320, 0, 320, 480);
        g.dispose();
        byte[] progressive = JpegVariants.encode(stored, new JpegVariants.Kind(true, true, 0, 0.9f));
        // A preview of another shape is not used, so the colours come from the main image's DC coefficients.
        ImageInfo info = inspect(ExifJpegs.withPreview(progressive, 6, TestImages.encode(filled(10, 10, 0), "jpeg")));

        assertThat(info.width()).isEqualTo(480);
        assertThat(info.height()).isEqualTo(640);
        assertThat(info.orientation()).isEqualTo(6);
        int[] pixels = BlurHashDecoder.decode(info.blurhash(), 30, 40);
        int[] top = BlurHashDecoder.mean(pixels, 30, 0, 0, 30, 10);
        int[] bottom = BlurHashDecoder.mean(pixels, 30, 0, 30, 30, 10);
        assertThat(top[0]).as("red on top").isGreaterThan(top[2] + 100);
        assertThat(bottom[2]).as("blue at the bottom").isGreaterThan(bottom[0] + 100);
    }

    @Test
    void aCmykJpegIsColouredByTheFullDecoder() throws IOException {
        byte[] cmyk = resource("/decode/cmyk.jpg");
        ImageInfo info = inspect(cmyk);
        BufferedImage decoded = StandardPipelineAccess.decodeUpright(cmyk);
        int[] expected = TestImages.meanRgb(decoded, 0, 0, decoded.getWidth(), decoded.getHeight());

        int[] hash = BlurHashDecoder.mean(BlurHashDecoder.decode(info.blurhash(), 32, 32), 32, 0, 0, 32, 32);
        for (int c = 0; c < 3; c++) {
            assertThat(hash[c]).as("channel %d", c).isCloseTo(expected[c], Offset.offset(10));
        }
    }

    @Test
    void aCorruptProgressiveJpegIsUnusable() {
        byte[] progressive = JpegVariants.encode(JpegVariants.photoLike(300, 200, 3),
                new JpegVariants.Kind(true, true, 0, 0.9f));
        byte[] corrupt = progressive.clone();
        // The first scan names a component the frame does not have.
        int sos = indexOf(corrupt, (byte) 0xFF, (byte) 0xDA);
        corrupt[sos + 5] = 9;

        assertThatThrownBy(() -> inspect(corrupt)).isInstanceOf(UnusableImageException.class);
    }

    private static int indexOf(byte[] data, byte first, byte second) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == first && data[i + 1] == second) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** A GIF of {@code frames} frames, the first red, then alternating green and blue. */
    static byte[] animatedGif(int frames, int width, int height) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = filled(width, height, i == 0 ? 0xFF0000 : i % 2 == 1 ? 0x00FF00 : 0x0000FF);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        null);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
