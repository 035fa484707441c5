package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.codec.turbojpeg.JpegCropper;
import io.imgorigin.processing.orient.OrientStep;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.Region;

/**
 * The JPEG crop path: an upright region maps to the stored pixels OrientStep takes it from, the DCT scale
 * keeps every edge of the region on a whole decoded pixel, and the front of the pipeline then holds the
 * region (upright) decoded from the cropped JPEG, at that scale.
 */
class JpegRegionDecodeTest {

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void anUprightRegionMapsToTheStoredPixelsItIsMadeOf(int orientation) {
        BufferedImage stored = noise(13, 9);
        BufferedImage upright = OrientStep.orient(stored, orientation);
        Region region = new Region(2, 3, upright.getWidth() - 5, upright.getHeight() - 4);

        Region mapped = JpegRegionDecode.toStored(region, orientation, 13, 9);

        BufferedImage storedPart = copy(stored.getSubimage(mapped.x(), mapped.y(), mapped.width(), mapped.height()));
        BufferedImage turned = OrientStep.orient(storedPart, orientation);
        BufferedImage expected = upright.getSubimage(region.x(), region.y(), region.width(), region.height());
        assertThat(turned.getWidth()).isEqualTo(expected.getWidth());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(turned.getRGB(x, y)).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    @ParameterizedTest(name = "{0} to {1}×{2}: 1/{3}")
    @CsvSource({
            "'1000,1000,1000,1000', 400, 400, 1",
            "'1000,1000,1000,1000', 100, 100, 4",
            "'1000,1000,1000,1000', 50,  50,  8",
            "'1004,1000,1000,1000', 50,  50,  4",
            "'1001,1000,1000,1000', 50,  50,  1",
            "'1000,1000,1002,1000', 50,  50,  2",
            "'0,0,4000,3000',       400, 300, 4"})
    void theScaleKeepsTheRegionOnWholePixels(String region, int scaledWidth, int scaledHeight, int halving) {
        String[] parts = region.split(",");
        Region stored = new Region(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]));

        assertThat(JpegRegionDecode.halving(stored, new Dimension(scaledWidth, scaledHeight))).isEqualTo(halving);
    }

    @Test
    void theFrontOfThePipelineDecodesOnlyTheRegion() {
        assumeTrue(JpegCropper.available(), "libturbojpeg's transform functions are not there");
        BufferedImage photo = io.imgorigin.codec.turbojpeg.JpegTestImages.photo(640, 480, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = TestImageBytes.encode(photo, "jpeg");

        try (ProcessingContext context = new FrontPipeline(true).run(jpeg, "crop=96,64,320,240&w=40")) {
            assertThat(context.decoder()).isEqualTo("turbojpeg");
            assertThat(context.plan().edits().crop()).isNull();
            // 320×240 to 40×30: 1/4 keeps at least twice that and every edge falls on a multiple of 4.
            assertThat(context.image().getWidth()).isEqualTo(80);
            assertThat(context.image().getHeight()).isEqualTo(60);
        }
        try (ProcessingContext context = new FrontPipeline(true).run(jpeg, "crop=97,64,320,240&w=40")) {
            assertThat(context.plan().edits().crop()).isNull();
            assertThat(context.image().getWidth()).isEqualTo(320);
        }
        try (ProcessingContext context = new FrontPipeline(false).run(jpeg, "crop=96,64,320,240&w=40")) {
            assertThat(context.plan().edits().crop()).isNotNull();
            assertThat(context.image().getWidth()).isEqualTo(640);
        }
    }

    private static BufferedImage noise(int width, int height) {
        Random random = new Random(5);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static BufferedImage copy(BufferedImage part) {
        BufferedImage copy = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(part, 0, 0, null);
        return copy;
    }
}
