package io.imgorigin.processing.resize;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.Gravity;

class CropPlacerTest {

    private final CropPlacer placer = new CropPlacer(new DetailFinder());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CENTER,       50, 25",
            "TOP,          50, 0",
            "BOTTOM,       50, 51",
            "LEFT,         0, 25",
            "RIGHT,        101, 25",
            "TOP_LEFT,     0, 0",
            "TOP_RIGHT,    101, 0",
            "BOTTOM_LEFT,  0, 51",
            "BOTTOM_RIGHT, 101, 51"})
    void anchorsTheWindowAtTheGravity(Gravity gravity, int x, int y) {
        BufferedImage image = TestImages.filled(10, 10, BufferedImage.TYPE_INT_RGB, 0);

        CropWindow window = placer.place(image, 301, 151, 200, 100, gravity);

        assertThat(window).isEqualTo(new CropWindow(x, y, 200, 100));
    }

    @ParameterizedTest(name = "detail at {0}")
    @CsvSource({"TOP_LEFT", "TOP_RIGHT", "BOTTOM_LEFT", "BOTTOM_RIGHT"})
    void smartFindsADetailedPatchInACorner(Gravity corner) {
        BufferedImage image = flatWithDetail(1000, 1000, corner);

        CropWindow window = placer.place(image, 400, 400, 150, 150, Gravity.SMART);

        CropWindow expected = CropPlacer.anchored(400, 400, 150, 150, corner);
        assertThat(Math.abs(window.x() - expected.x())).isLessThanOrEqualTo(25);
        assertThat(Math.abs(window.y() - expected.y())).isLessThanOrEqualTo(25);
    }

    @Test
    void smartFollowsDetailAlongTheCroppedAxis() {
        BufferedImage image = flatWithDetail(1600, 900, Gravity.RIGHT);

        CropWindow window = placer.place(image, 533, 300, 300, 300, Gravity.SMART);

        assertThat(window.y()).isZero();
        assertThat(window.x()).isGreaterThan(200);
    }

    @Test
    void smartCropsAFlatImageInTheCentre() {
        BufferedImage image = TestImages.filled(900, 600, BufferedImage.TYPE_INT_RGB, 0x4488CC);

        CropWindow window = placer.place(image, 300, 200, 200, 200, Gravity.SMART);

        assertThat(window).isEqualTo(new CropWindow(50, 0, 200, 200));
    }

    @Test
    void smartLooksAtAlphaImagesToo() {
        BufferedImage image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_ARGB);
        BufferedImage detail = flatWithDetail(800, 400, Gravity.LEFT);
        image.createGraphics().drawImage(detail, 0, 0, null);

        CropWindow window = placer.place(image, 400, 200, 200, 200, Gravity.SMART);

        assertThat(window.x()).isLessThan(20);
    }

    /** A flat grey image with a small busy checkerboard of colours near one edge or corner. */
    private static BufferedImage flatWithDetail(int width, int height, Gravity where) {
        BufferedImage image = TestImages.filled(width, height, BufferedImage.TYPE_INT_RGB, 0x808080);
        int size = Math.min(width, height) / 5;
        int left = (int) Math.round((width - size) * where.x());
        int top = (int) Math.round((height - size) * where.y());
        for (int y = top; y < top + size; y++) {
            for (int x = left; x < left + size; x++) {
                boolean dark = (x / 6 + y / 6) % 2 == 0;
                image.setRGB(x, y, dark ? 0x102030 : 0xF0E040);
            }
        }
        return image;
    }
}
