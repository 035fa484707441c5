package io.imgorigin.processing.resize;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.imgorigin.processing.pipeline.ImageExtent;

class ResizerTest {

    private final Resizer resizer = new Resizer();

    @ParameterizedTest
    @CsvSource({
            "3000, 2000, 400, 267",
            "1200, 800, 400, 267",
            "1000, 1000, 333, 333",
            "640, 480, 500, 480",
            "200, 150, 500, 375",
            "37, 23, 5, 3",
            "3000, 2000, 1, 1"})
    void keepsCloseToAFullPrecisionLanczos3(int sourceWidth, int sourceHeight, int width, int height) {
        BufferedImage source = TestImages.photoLike(sourceWidth, sourceHeight, 7);

        BufferedImage result = resizer.resize(source, width, height);

        assertThat(result.getWidth()).isEqualTo(width);
        assertThat(result.getHeight()).isEqualTo(height);
        assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(TestImages.psnr(result, ReferenceLanczos.resize(source, width, height))).isGreaterThan(35);
    }

    /**
     * A shrink-on-load decode can end in a partial pixel, so its extent is smaller than its pixel count; the
     * output is scaled by the extent. Ten extra columns beyond a 1000 px extent must not move a band centred
     * on 902 from where a 10× reduction puts it (89.7, not 88.81 as 1010 px would). The band fills one
     * 4-pixel averaging block and sits on grey, so neither the block grid nor clipped ringing moves it.
     */
    @Test
    void scalesByTheExtentNotThePixelCount() {
        BufferedImage source = TestImages.filled(1010, 40, BufferedImage.TYPE_INT_RGB, 0x808080);
        for (int y = 0; y < 40; y++) {
            for (int x = 900; x < 904; x++) {
                source.setRGB(x, y, 0xC0C0C0);
            }
        }

        BufferedImage result = resizer.resize(source, new ImageExtent(1000, 40), 100, 4, CropWindow.whole(100, 4));

        double weighted = 0;
        double total = 0;
        for (int x = 0; x < result.getWidth(); x++) {
            int excess = (result.getRGB(x, 2) >> 8 & 0xFF) - 0x80;
            weighted += excess * x;
            total += excess;
        }
        assertThat(weighted / total).isCloseTo(89.7, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void aWindowHasTheSamePixelsAsAFullResizeThenCrop() {
        BufferedImage source = TestImages.photoLike(1600, 900, 3);
        BufferedImage full = resizer.resize(source, 300, 169);
        CropWindow window = new CropWindow(70, 0, 169, 169);

        BufferedImage cropped = resizer.resize(source, ImageExtent.of(source), 300, 169, window);

        assertThat(TestImages.pixels(cropped))
                .isEqualTo(TestImages.pixels(full.getSubimage(70, 0, 169, 169)));
    }

    @Test
    void aWindowOfAnUnscaledImageIsAPlainCrop() {
        BufferedImage source = TestImages.photoLike(120, 80, 5);

        BufferedImage cropped = resizer.resize(source, ImageExtent.of(source), 120, 80, new CropWindow(20, 0, 80, 80));

        assertThat(TestImages.pixels(cropped)).isEqualTo(TestImages.pixels(source.getSubimage(20, 0, 80, 80)));
    }

    @Test
    void aFlatColourStaysExactlyFlat() {
        BufferedImage source = TestImages.filled(2400, 1700, BufferedImage.TYPE_INT_RGB, 0x336699);

        BufferedImage result = resizer.resize(source, 211, 97);

        assertThat(TestImages.pixels(result)).containsOnly(0xFF336699);
    }

    @Test
    void transparentBlackAroundAnOpaqueShapeLeavesNoDarkHalo() {
        BufferedImage source = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.WHITE);
        g.fillOval(200, 200, 800, 800);
        g.fillRect(590, 0, 17, 1200);
        g.dispose();

        BufferedImage result = resizer.resize(source, 97, 97);

        assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        int edges = 0;
        for (int argb : TestImages.pixels(result)) {
            int alpha = argb >>> 24;
            if (alpha > 0) {
                assertThat(argb & 0xFF).as("blue of a pixel with alpha %d", alpha).isGreaterThan(245);
                assertThat(argb >> 8 & 0xFF).isGreaterThan(245);
                assertThat(argb >> 16 & 0xFF).isGreaterThan(245);
            }
            if (alpha > 0 && alpha < 255) {
                edges++;
            }
        }
        assertThat(edges).as("partly transparent edge pixels").isGreaterThan(50);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 7, 5", "2, 300, 1, 150", "5000, 3, 40, 1", "3, 3, 1000, 2"})
    void handlesExtremeSizesAndAspects(int sourceWidth, int sourceHeight, int width, int height) {
        BufferedImage source = TestImages.filled(sourceWidth, sourceHeight, BufferedImage.TYPE_INT_ARGB, 0xC0804020);

        BufferedImage result = resizer.resize(source, width, height);

        assertThat(result.getWidth()).isEqualTo(width);
        assertThat(result.getHeight()).isEqualTo(height);
        assertThat(TestImages.pixels(result)).containsOnly(0xC0804020);
    }

    @ParameterizedTest
    @CsvSource({"1600, 1000, 400, 250", "1600, 1000, 150, 94", "300, 200, 450, 300"})
    void opaqueAlphaResizesLikeNoAlpha(int sourceWidth, int sourceHeight, int width, int height) {
        BufferedImage rgb = TestImages.photoLike(sourceWidth, sourceHeight, 9);
        BufferedImage argb = new BufferedImage(sourceWidth, sourceHeight, BufferedImage.TYPE_INT_ARGB);
        argb.createGraphics().drawImage(rgb, 0, 0, null);

        BufferedImage withAlpha = resizer.resize(argb, width, height);

        assertThat(java.util.Arrays.stream(TestImages.pixels(withAlpha)).map(p -> p >>> 24)).containsOnly(255);
        assertThat(TestImages.psnr(withAlpha, resizer.resize(rgb, width, height))).isGreaterThan(50);
    }

    @Test
    void otherImageTypesAreAccepted() {
        BufferedImage source = new BufferedImage(300, 200, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = source.createGraphics();
        g.setColor(new Color(10, 200, 30));
        g.fillRect(0, 0, 300, 200);
        g.dispose();

        BufferedImage result = resizer.resize(source, 30, 20);

        assertThat(TestImages.pixels(result)).containsOnly(0xFF0AC81E);
    }

    @Test
    void aSubimageIsReadFromItsOwnCorner() {
        BufferedImage source = TestImages.filled(400, 400, BufferedImage.TYPE_INT_RGB, 0x000000);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(200, 200, 200, 200);
        g.dispose();

        BufferedImage result = resizer.resize(source.getSubimage(200, 200, 200, 200), 50, 50);

        assertThat(TestImages.pixels(result)).containsOnly(0xFFFF0000);
    }
}
