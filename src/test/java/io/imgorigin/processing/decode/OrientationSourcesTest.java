package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.orient.OrientStep;

/**
 * Every EXIF/TIFF orientation, from each place a source can carry it, turns into the same upright
 * 48×32 image with the red block top-left. The JPEG fixtures were made with ImageMagick (the upright
 * image put through the inverse transform) and tagged with {@code exiftool -Orientation#=N}; the
 * PNG, WebP and TIFF sources are built here.
 */
class OrientationSourcesTest {

    private static final int UPRIGHT_WIDTH = 48;
    private static final int UPRIGHT_HEIGHT = 32;

    private final FrontPipeline pipeline = new FrontPipeline(false);

    @ParameterizedTest(name = "JPEG orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegExif(int orientation) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/decode/orientation-" + orientation + ".jpg")) {
            assertUpright(in.readAllBytes(), orientation);
        }
    }

    @ParameterizedTest(name = "PNG eXIf orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void pngExif(int orientation) {
        byte[] png = TestImageBytes.encode(stored(orientation), "png");
        assertUpright(TestImageBytes.pngWithChunks(png,
                TestImageBytes.pngChunk("eXIf", TestImageBytes.exif(orientation))), orientation);
    }

    @ParameterizedTest(name = "WebP EXIF orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void webpExif(int orientation) {
        BufferedImage stored = stored(orientation);
        byte[] webp = TestImageBytes.webp(stored, true);
        assertUpright(TestImageBytes.webpWithExif(webp, stored.getWidth(), stored.getHeight(),
                TestImageBytes.exif(orientation)), orientation);
    }

    @ParameterizedTest(name = "TIFF orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void tiffTag(int orientation) {
        assertUpright(TestImageBytes.tiff(stored(orientation), orientation), orientation);
    }

    private void assertUpright(byte[] source, int orientation) {
        try (ProcessingContext context = pipeline.run(source, "")) {
            assertThat(context.orientation()).isEqualTo(orientation);
            assertThat(context.plan().sourceWidth()).isEqualTo(UPRIGHT_WIDTH);
            assertThat(context.plan().sourceHeight()).isEqualTo(UPRIGHT_HEIGHT);
            BufferedImage image = context.image();
            assertThat(image.getWidth()).isEqualTo(UPRIGHT_WIDTH);
            assertThat(image.getHeight()).isEqualTo(UPRIGHT_HEIGHT);
            assertRed(image.getRGB(6, 4));
            assertWhite(image.getRGB(UPRIGHT_WIDTH - 6, 4));
            assertWhite(image.getRGB(6, UPRIGHT_HEIGHT - 4));
            assertWhite(image.getRGB(UPRIGHT_WIDTH - 6, UPRIGHT_HEIGHT - 4));
        }
    }

    /** The upright marked image put through the inverse of the orientation, as a camera would store it. */
    private static BufferedImage stored(int orientation) {
        BufferedImage upright = TestImageBytes.marked(UPRIGHT_WIDTH, UPRIGHT_HEIGHT, BufferedImage.TYPE_INT_RGB);
        BufferedImage stored = upright;
        // Applying an orientation 4 times, or its inverse once, gives back the original; the inverse of
        // 6 is 8 and of 8 is 6, the others are their own inverse.
        int inverse = orientation == 6 ? 8 : orientation == 8 ? 6 : orientation;
        if (inverse != 1) {
            stored = OrientStep.orient(upright, inverse);
        }
        return stored;
    }

    private static void assertRed(int rgb) {
        assertThat(rgb >> 16 & 0xFF).as("red").isGreaterThan(200);
        assertThat(rgb >> 8 & 0xFF).as("green").isLessThan(60);
    }

    private static void assertWhite(int rgb) {
        assertThat(rgb & 0xFFFFFF).as("white").isGreaterThan(0xE0E0E0 - 1);
        assertThat(rgb >> 8 & 0xFF).as("green").isGreaterThan(200);
    }
}
