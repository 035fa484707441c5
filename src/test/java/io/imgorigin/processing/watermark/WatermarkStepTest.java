package io.imgorigin.processing.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.Watermark;
import io.imgorigin.processing.resize.Resizer;

/** Where and how the watermark lands, checked pixel by pixel on a 100×80 grey image. */
class WatermarkStepTest {

    private static final int GREY = 0x808080;
    private static final int RED = 0xFF0000;
    private static final OptionsParser PARSER = new OptionsParser(8192, 80);

    private final WatermarkStep step = new WatermarkStep(new Resizer());

    /** A 10×6 opaque red watermark. */
    private static Watermark redMark(int width, int height) {
        BufferedImage mark = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mark.setRGB(x, y, 0xFF000000 | RED);
            }
        }
        return new Watermark(mark, "mark-1");
    }

    private static BufferedImage grey(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFF000000 | GREY);
            }
        }
        return image;
    }

    private BufferedImage apply(String wm, Watermark mark, BufferedImage image) {
        ImageOptions options = PARSER.parse("wm=" + wm).options();
        ProcessingContext context = new ProcessingContext(new byte[0],
                new ProcessingRequest(options, (io.imgorigin.processing.pipeline.OutputFormat) null, Deadline.after(Duration.ofMinutes(1)), mark));
        context.image(image);
        context.hasAlpha(image.getColorModel().hasAlpha());
        step.apply(context);
        return context.image();
    }

    private static boolean red(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == RED;
    }

    private static boolean grey(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == GREY;
    }

    /** The watermark's top-left corner for each position: 100×80 image, 10×6 mark. */
    @ParameterizedTest
    @CsvSource({
            "top-left,0,0", "top,45,0", "top-right,90,0",
            "left,0,37", "center,45,37", "right,90,37",
            "bottom-left,0,74", "bottom,45,74", "bottom-right,90,74"})
    void eachCompassPositionPutsTheMarkThere(String position, int x, int y) {
        BufferedImage out = apply("1," + position, redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        assertThat(red(out, x, y)).as("its top-left pixel").isTrue();
        assertThat(red(out, x + 9, y + 5)).as("its bottom-right pixel").isTrue();
        if (x > 0) {
            assertThat(grey(out, x - 1, y)).as("left of it").isTrue();
        }
        if (y > 0) {
            assertThat(grey(out, x, y - 1)).as("above it").isTrue();
        }
        if (x + 10 < 100) {
            assertThat(grey(out, x + 10, y + 5)).as("right of it").isTrue();
        }
        if (y + 6 < 80) {
            assertThat(grey(out, x + 9, y + 6)).as("below it").isTrue();
        }
        assertThat(countRed(out)).isEqualTo(60);
    }

    @Test
    void theDefaultIsBottomRightInTheCorner() {
        BufferedImage out = apply("1", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        assertThat(red(out, 99, 79)).isTrue();
        assertThat(red(out, 90, 74)).isTrue();
        assertThat(grey(out, 89, 79)).isTrue();
        assertThat(grey(out, 99, 73)).isTrue();
        assertThat(grey(out, 0, 0)).isTrue();
    }

    @Test
    void offsetsMoveTheMarkInwardsFromItsEdges() {
        BufferedImage bottomRight = apply("1,bottom-right,5,3", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));
        assertThat(red(bottomRight, 94, 76)).isTrue();
        assertThat(red(bottomRight, 85, 71)).isTrue();
        assertThat(grey(bottomRight, 95, 76)).isTrue();
        assertThat(grey(bottomRight, 94, 77)).isTrue();

        BufferedImage topLeft = apply("1,top-left,5,3", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));
        assertThat(red(topLeft, 5, 3)).isTrue();
        assertThat(grey(topLeft, 4, 3)).isTrue();

        BufferedImage centre = apply("1,center,5,-3", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));
        assertThat(red(centre, 50, 34)).as("right and up from the centre").isTrue();
        assertThat(grey(centre, 49, 34)).isTrue();
    }

    @Test
    void aMarkPushedPastTheEdgeIsClipped() {
        BufferedImage out = apply("1,top-left,-4,-2", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        assertThat(countRed(out)).isEqualTo(6 * 4);
        assertThat(red(out, 0, 0)).isTrue();
        assertThat(red(out, 5, 3)).isTrue();
        assertThat(grey(out, 6, 0)).isTrue();
    }

    @Test
    void tileRepeatsTheMarkFromTheTopLeftWithTheOffsetsAsGaps() {
        BufferedImage out = apply("1,tile,5,4", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        // Tiles start every 15 px across and 10 px down: a 10×6 red block then a gap of 5×4 grey.
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 100; x++) {
                boolean inTile = x % 15 < 10 && y % 10 < 6;
                assertThat(red(out, x, y)).as("(%d, %d)", x, y).isEqualTo(inTile);
            }
        }
    }

    @Test
    void tileWithoutGapsCoversEverything() {
        BufferedImage out = apply("1,tile", redMark(7, 3), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        assertThat(countRed(out)).isEqualTo(100 * 80);
    }

    @Test
    void opacityBlendsTheMarkOverTheImage() {
        BufferedImage out = apply("0.5,top-left", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        // 0.5 of 255 is 128: red 255·128/255 + 128·127/255 = 192, green and blue 128·127/255 = 64
        assertThat(out.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xC04040);
        assertThat(apply("0", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB)).getRGB(99, 79) & 0xFFFFFF)
                .isEqualTo(GREY);
    }

    @Test
    void theMarksOwnAlphaCounts() {
        Watermark half = redMark(10, 6);
        half.image().setRGB(0, 0, 0x80FF0000);
        half.image().setRGB(1, 0, 0x00FF0000);

        BufferedImage out = apply("1,top-left", half, grey(100, 80, BufferedImage.TYPE_INT_RGB));

        assertThat(out.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xC04040);
        assertThat(out.getRGB(1, 0) & 0xFFFFFF).isEqualTo(GREY);
    }

    @Test
    void onATransparentImageTheMarkAddsItsAlpha() {
        BufferedImage clear = new BufferedImage(100, 80, BufferedImage.TYPE_INT_ARGB);

        BufferedImage out = apply("0.5,top-left", redMark(10, 6), clear);

        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(out.getRGB(0, 0)).isEqualTo(0x80FF0000);
        assertThat(out.getRGB(50, 50)).isZero();
    }

    @Test
    void scaleSetsTheMarksWidthAsAFractionOfTheOutputs() {
        BufferedImage out = apply("1,top-left,0,0,0.5", redMark(10, 6), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        // 50 px wide, 30 px high; the resampled edges are left out of the count.
        assertThat(red(out, 1, 1)).isTrue();
        assertThat(red(out, 48, 28)).isTrue();
        assertThat(grey(out, 52, 10)).isTrue();
        assertThat(grey(out, 10, 32)).isTrue();
    }

    @Test
    void aMarkLargerThanTheOutputIsShrunkToFit() {
        BufferedImage out = apply("1,center", redMark(400, 100), grey(100, 80, BufferedImage.TYPE_INT_RGB));

        // 100×25, centred: rows 27 to 51
        assertThat(red(out, 0, 30)).isTrue();
        assertThat(red(out, 99, 48)).isTrue();
        assertThat(grey(out, 50, 20)).isTrue();
        assertThat(grey(out, 50, 60)).isTrue();
        BufferedImage scaled = apply("1,center,0,0,1", redMark(10, 60), grey(100, 80, BufferedImage.TYPE_INT_RGB));
        assertThat(grey(scaled, 2, 40)).as("a full-width mark too tall for the output is shrunk to its height")
                .isTrue();
        assertThat(red(scaled, 50, 40)).isTrue();
    }

    @Test
    void withoutWmTheStepDoesNothing() {
        BufferedImage image = grey(10, 10, BufferedImage.TYPE_INT_RGB);
        ProcessingContext context = new ProcessingContext(new byte[0], new ProcessingRequest(
                PARSER.parse("w=10").options(), false, Deadline.after(Duration.ofMinutes(1))));
        context.image(image);

        step.apply(context);

        assertThat(context.image()).isSameAs(image);
    }

    @Test
    void aRequestForAMarkWithoutOneIsAnError() {
        assertThatThrownBy(() -> apply("1", null, grey(10, 10, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static int countRed(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (red(image, x, y)) {
                    count++;
                }
            }
        }
        return count;
    }
}
