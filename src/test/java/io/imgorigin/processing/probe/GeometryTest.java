package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.ResizePlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.Fit;
import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.ResizePlan.Finish;

/** SPEC section 2 "Geometry", with a max-output-dimension of 400. */
class GeometryTest {

    private final Geometry geometry = new Geometry(400);

    @ParameterizedTest(name = "[{index}] {0}×{1} w={2} h={3} dpr={4} {5} enlarge={6} -> {7}×{8} then {9}×{10} {11}")
    @CsvSource(nullValues = "-", value = {
            // no resize
            "1000, 500, -,   -,   1,   COVER,   false, 1000, 500, 1000, 500, NONE",
            // a single side keeps the aspect ratio; the other side rounds half up
            "1000, 500, 300, -,   1,   COVER,   false, 300,  150, 300,  150, NONE",
            "1000, 500, -,   100, 1,   COVER,   false, 200,  100, 200,  100, NONE",
            "1000, 500, 333, -,   1,   INSIDE,  false, 333,  167, 333,  167, NONE",
            "1000, 5,   100, -,   1,   COVER,   false, 100,  1,   100,  1,   NONE",
            "1000, 15,  100, -,   1,   COVER,   false, 100,  2,   100,  2,   NONE",
            "1000, 10,  40,  -,   1,   COVER,   false, 40,   1,   40,   1,   NONE",
            "10,   1000, -,  40,  1,   COVER,   false, 1,    40,  1,    40,  NONE",
            // ... is capped at the source without enlarge, and may grow with it
            "300,  200, 400, -,   1,   COVER,   false, 300,  200, 300,  200, NONE",
            "300,  200, -,   250, 1,   COVER,   false, 300,  200, 300,  200, NONE",
            "300,  200, 400, -,   1,   COVER,   true,  400,  267, 400,  267, NONE",
            "300,  200, -,   250, 1,   COVER,   true,  375,  250, 375,  250, NONE",
            // dpr multiplies the requested sides before anything else, rounding half up
            "1000, 500, 100, -,   2.5, COVER,   false, 250,  125, 250,  125, NONE",
            "1000, 500, 101, -,   1.5, COVER,   false, 152,  76,  152,  76,  NONE",
            "1000, 500, 100, 100, 2,   COVER,   false, 400,  200, 200,  200, CROP",
            "1000, 500, 50,  100, 1.5, FILL,    false, 75,   150, 75,   150, NONE",
            "150,  100, 100, 100, 2,   INSIDE,  false, 150,  100, 150,  100, NONE",
            // inside: the whole image fits in the box
            "1000, 500, 200, 200, 1,   INSIDE,  false, 200,  100, 200,  100, NONE",
            "1000, 333, 300, 300, 1,   INSIDE,  false, 300,  100, 300,  100, NONE",
            "100,  50,  200, 200, 1,   INSIDE,  false, 100,  50,  100,  50,  NONE",
            "100,  50,  200, 200, 1,   INSIDE,  true,  200,  100, 200,  100, NONE",
            "100,  50,  400, 400, 1,   INSIDE,  true,  400,  200, 400,  200, NONE",
            // cover: fills the box and crops the overflow
            "1000, 500, 200, 200, 1,   COVER,   false, 400,  200, 200,  200, CROP",
            "500,  1000, 200, 200, 1,  COVER,   false, 200,  400, 200,  200, CROP",
            "1000, 600, 250, 250, 1,   COVER,   false, 417,  250, 250,  250, CROP",
            "1000, 500, 200, 100, 1,   COVER,   false, 200,  100, 200,  100, NONE",
            "100,  50,  200, 200, 1,   COVER,   false, 100,  50,  50,   50,  CROP",
            "100,  50,  200, 200, 1,   COVER,   true,  400,  200, 200,  200, CROP",
            "100,  50,  400, 400, 1,   COVER,   true,  800,  400, 400,  400, CROP",
            "100,  50,  100, 25,  1,   COVER,   false, 100,  50,  100,  25,  CROP",
            // contain: fits the box and pads the rest
            "1000, 500, 200, 200, 1,   CONTAIN, false, 200,  100, 200,  200, PAD",
            "1000, 600, 250, 250, 1,   CONTAIN, false, 250,  150, 250,  250, PAD",
            "1000, 500, 200, 100, 1,   CONTAIN, false, 200,  100, 200,  100, NONE",
            "100,  50,  200, 200, 1,   CONTAIN, false, 50,   25,  50,   50,  PAD",
            "100,  50,  200, 200, 1,   CONTAIN, true,  200,  100, 200,  200, PAD",
            "1000, 1,   300, 300, 1,   CONTAIN, false, 1,    1,   1,    1,   NONE",
            // fill: stretches to the box
            "1000, 500, 200, 200, 1,   FILL,    false, 200,  200, 200,  200, NONE",
            "100,  50,  300, 100, 1,   FILL,    false, 100,  33,  100,  33,  NONE",
            "100,  50,  300, 100, 1,   FILL,    true,  300,  100, 300,  100, NONE",
            "10,   10,  400, 400, 1,   FILL,    true,  400,  400, 400,  400, NONE"})
    void plans(int sourceWidth, int sourceHeight, Integer w, Integer h, BigDecimal dpr, Fit fit, boolean enlarge,
               int scaledWidth, int scaledHeight, int outputWidth, int outputHeight, Finish finish) {
        ResizePlan plan = geometry.plan(sourceWidth, sourceHeight, options(w, h, dpr, fit, enlarge));

        assertThat(plan).isEqualTo(new ResizePlan(sourceWidth, sourceHeight, scaledWidth, scaledHeight,
                outputWidth, outputHeight, finish));
    }

    /** Only a single side can pass the limit: with both sides the output is never larger than the box. */
    @ParameterizedTest(name = "[{index}] {0}×{1} w={2} h={3} {4} -> refused for {5}")
    @CsvSource(nullValues = "-", value = {
            "300, 200, -,   300, COVER,  w",
            "200, 300, 300, -,   COVER,  h",
            "10,  100, 41,  -,   INSIDE, h"})
    void refusesAnEnlargedSideOverTheLimit(int sourceWidth, int sourceHeight, Integer w, Integer h, Fit fit,
                                           String option) {
        ImageOptions options = options(w, h, BigDecimal.ONE, fit, true);

        assertThatThrownBy(() -> geometry.plan(sourceWidth, sourceHeight, options))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.option()).isEqualTo(option));
    }

    @ParameterizedTest(name = "[{index}] {0}×{1} w={2} h={3}")
    @CsvSource(nullValues = "-", value = {
            "5000, 3000, -,   -",
            "5000, 3000, 400, -",
            "5000, 3000, 400, 400"})
    void aLargeSourceThatIsNotEnlargedIsNotOverTheLimit(int sourceWidth, int sourceHeight, Integer w, Integer h) {
        ResizePlan plan = geometry.plan(sourceWidth, sourceHeight, options(w, h, BigDecimal.ONE, Fit.INSIDE, false));

        assertThat(plan.outputWidth()).isLessThanOrEqualTo(sourceWidth);
        assertThat(plan.outputHeight()).isLessThanOrEqualTo(sourceHeight);
    }

    private static ImageOptions options(Integer w, Integer h, BigDecimal dpr, Fit fit, boolean enlarge) {
        return new ImageOptions(w, h, FormatRequest.ORIGINAL, 80, fit, Gravity.CENTER, dpr, Rgba.WHITE, enlarge);
    }
}
