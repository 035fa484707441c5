package io.imgorigin.processing.resize;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.FocalPoint;
import io.imgorigin.options.Gravity;

/** {@code g=fp:X,Y}: the cover crop centres on the point, clamped so it stays within the scaled image. */
class FocalPointPlacementTest {

    private final CropPlacer placer = new CropPlacer(new DetailFinder());

    @ParameterizedTest(name = "fp:{0},{1}")
    @CsvSource({
            "0.5,  0.5,  50,  25",
            "0,    0,    0,   0",
            "1,    1,    101, 51",
            "0.25, 0.5,  0,   25",
            "0.6,  0.4,  80,  10",
            "0.9,  0.9,  101, 51",
            "0.4,  0.7,  20,  51",
            "0.5,  0.3333, 50, 0"})
    void centresOnThePointAsFarAsTheImageAllows(String x, String y, int left, int top) {
        BufferedImage image = TestImages.filled(10, 10, BufferedImage.TYPE_INT_RGB, 0);
        FocalPoint point = new FocalPoint(new BigDecimal(x), new BigDecimal(y));

        CropWindow window = placer.place(image, 301, 151, 200, 100, Gravity.FOCAL_POINT, point);

        assertThat(window).isEqualTo(new CropWindow(left, top, 200, 100));
    }
}
