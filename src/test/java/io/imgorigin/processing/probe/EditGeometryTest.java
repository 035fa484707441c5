package io.imgorigin.processing.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.options.Padding;
import io.imgorigin.processing.pipeline.EditPlan;
import io.imgorigin.processing.pipeline.Region;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * SPEC section 2, the editing options in "Geometry": crop (clipped), rot and flip make the W×H that w, h, fit,
 * dpr and enlarge see, and pad adds to the output. Sizes to the pixel, on an upright source of 1000×500.
 */
class EditGeometryTest {

    private static final int MAX = 2000;
    private final OptionsParser parser = new OptionsParser(MAX, 80);
    private final Geometry geometry = new Geometry(MAX);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // query                                          | W×H seen | scaled   | output   | finish | padded   | crop
            "crop=100,50,400,300                              | 400x300  | 400x300  | 400x300  | NONE   | 400x300  | 100,50,400,300",
            "crop=100,50,400,300&w=200                        | 400x300  | 200x150  | 200x150  | NONE   | 200x150  | 100,50,400,300",
            "crop=100,50,400,300&h=100                        | 400x300  | 133x100  | 133x100  | NONE   | 133x100  | 100,50,400,300",
            "crop=900,400,400,300                             | 100x100  | 100x100  | 100x100  | NONE   | 100x100  | 900,400,100,100",
            "crop=900,400,400,300&w=50                        | 100x100  | 50x50    | 50x50    | NONE   | 50x50    | 900,400,100,100",
            "crop=0,0,999999999,999999999                     | 1000x500 | 1000x500 | 1000x500 | NONE   | 1000x500 | 0,0,1000,500",
            "crop=999,499,1,1&w=10&enlarge=1                  | 1x1      | 10x10    | 10x10    | NONE   | 10x10    | 999,499,1,1",
            "crop=0,0,400,200&w=100&h=100                     | 400x200  | 200x100  | 100x100  | CROP   | 100x100  | 0,0,400,200",
            "crop=0,0,400,200&w=100&h=100&fit=contain         | 400x200  | 100x50   | 100x100  | PAD    | 100x100  | 0,0,400,200",
            "crop=0,0,400,200&w=100&h=100&fit=inside          | 400x200  | 100x50   | 100x50   | NONE   | 100x50   | 0,0,400,200",
            "crop=0,0,400,200&w=100&h=100&fit=fill            | 400x200  | 100x100  | 100x100  | NONE   | 100x100  | 0,0,400,200",
            "crop=0,0,400,200&w=100&dpr=2                     | 400x200  | 200x100  | 200x100  | NONE   | 200x100  | 0,0,400,200",
            "crop=0,0,400,200&w=300&dpr=2                     | 400x200  | 400x200  | 400x200  | NONE   | 400x200  | 0,0,400,200",
            "crop=0,0,400,200&w=300&dpr=2&enlarge=true        | 400x200  | 600x300  | 600x300  | NONE   | 600x300  | 0,0,400,200",
            "crop=0,0,400,200&w=800&h=800&fit=cover           | 400x200  | 400x200  | 200x200  | CROP   | 200x200  | 0,0,400,200",
            "rot=90                                           | 500x1000 | 500x1000 | 500x1000 | NONE   | 500x1000 | -",
            "rot=270&w=100                                    | 500x1000 | 100x200  | 100x200  | NONE   | 100x200  | -",
            "rot=180&w=100                                    | 1000x500 | 100x50   | 100x50   | NONE   | 100x50   | -",
            "rot=90&w=100&h=100&fit=cover                     | 500x1000 | 100x200  | 100x100  | CROP   | 100x100  | -",
            "rot=90&w=100&h=100&fit=contain&dpr=1.5           | 500x1000 | 75x150   | 150x150  | PAD    | 150x150  | -",
            "rot=90&h=2000&enlarge=1                          | 500x1000 | 1000x2000| 1000x2000| NONE   | 1000x2000| -",
            "crop=0,0,100,50&rot=90&w=40&h=40                 | 50x100   | 40x80    | 40x40    | CROP   | 40x40    | 0,0,100,50",
            "crop=0,0,100,50&rot=270&w=40                     | 50x100   | 40x80    | 40x80    | NONE   | 40x80    | 0,0,100,50",
            "flip=h&w=100                                     | 1000x500 | 100x50   | 100x50   | NONE   | 100x50   | -",
            "flip=hv&rot=90&w=100                             | 500x1000 | 100x200  | 100x200  | NONE   | 100x200  | -",
            "pad=10                                           | 1000x500 | 1000x500 | 1000x500 | NONE   | 1020x520 | -",
            "w=100&pad=10                                     | 1000x500 | 100x50   | 100x50   | NONE   | 120x70   | -",
            "w=100&pad=1,2,3,4&dpr=2                          | 1000x500 | 200x100  | 200x100  | NONE   | 212x108  | -",
            "w=100&h=100&fit=contain&pad=5                    | 1000x500 | 100x50   | 100x100  | PAD    | 110x110  | -",
            "crop=10,10,100,100&w=50&pad=0,0,7,0&rot=90&flip=v| 100x100  | 50x50    | 50x50    | NONE   | 50x57    | 10,10,100,100"})
    void plans(String query, String seen, String scaled, String output, ResizePlan.Finish finish, String padded,
            String crop) {
        ResizePlan plan = geometry.plan(1000, 500, parser.parse(query).options());

        assertThat(size(plan.sourceWidth(), plan.sourceHeight())).isEqualTo(seen);
        assertThat(size(plan.scaledWidth(), plan.scaledHeight())).isEqualTo(scaled);
        assertThat(size(plan.outputWidth(), plan.outputHeight())).isEqualTo(output);
        assertThat(plan.finish()).isEqualTo(finish);
        assertThat(size(plan.paddedWidth(), plan.paddedHeight())).isEqualTo(padded);
        assertThat(plan.edits().crop()).isEqualTo(crop == null ? null : region(crop));
    }

    @Test
    void theEditsAreCarriedInThePlan() {
        EditPlan edits = geometry.plan(1000, 500, parser.parse("trim=3&rot=270&flip=v").options()).edits();

        assertThat(edits).isEqualTo(new EditPlan(3, null, 270, false, true));
        assertThat(edits.swapsSides()).isTrue();
    }

    @Test
    void withoutEditsThePlanHasNone() {
        ResizePlan plan = geometry.plan(1000, 500, parser.parse("w=100").options());

        assertThat(plan.edits()).isEqualTo(EditPlan.NONE);
        assertThat(plan.pad()).isEqualTo(Padding.NONE);
    }

    @Test
    void aTrimmedImageIsPlannedAgainWithoutTheTrim() {
        ImageOptions options = parser.parse("trim=true&crop=10,0,50,50&w=20").options();
        assertThat(geometry.plan(1000, 500, options).edits().trim()).isEqualTo(10);

        ResizePlan plan = geometry.planTrimmed(40, 30, options);

        assertThat(plan.edits().trim()).isNull();
        assertThat(plan.edits().crop()).isEqualTo(new Region(10, 0, 30, 30));
        assertThat(size(plan.scaledWidth(), plan.scaledHeight())).isEqualTo("20x20");
    }

    @ParameterizedTest(name = "[{index}] crop={0}")
    @CsvSource(delimiter = '|', value = {"1000,0,10,10", "0,500,10,10", "5000,5000,1,1"})
    void aRegionWhollyOutsideTheImageIsUnusable(String crop) {
        ImageOptions options = parser.parse("crop=" + crop).options();

        assertThatThrownBy(() -> geometry.plan(1000, 500, options))
                .isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("crop=" + crop)
                .hasMessageContaining("1000×500");
    }

    @Test
    void theOutputWithPadsMustFitMaxOutputDimension() {
        ImageOptions fits = parser.parse("pad=0,500,0,500").options();
        assertThat(geometry.plan(1000, 500, fits).paddedWidth()).isEqualTo(2000);

        ImageOptions over = parser.parse("pad=0,500,0,501").options();
        assertThatThrownBy(() -> geometry.plan(1000, 500, over))
                .isInstanceOfSatisfying(InvalidOptionException.class, e -> assertThat(e.option()).isEqualTo("pad"))
                .hasMessageContaining("2001×500");
    }

    private static String size(int width, int height) {
        return width + "x" + height;
    }

    private static Region region(String text) {
        String[] parts = text.split(",");
        return new Region(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]));
    }
}
