package io.imgorigin.processing.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Contexts;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.probe.Geometry;

/** {@code pad}: margins of exactly {@code bg} (alpha too where the format keeps it) around the image. */
class PadMarginsTest {

    private static final int IMAGE = 0xFF3366CC;
    private final OptionsParser parser = new OptionsParser(8192, 80);
    private final Geometry geometry = new Geometry(8192);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = OutputFormat.class, names = {"PNG", "WEBP", "JPEG"})
    void marginsHoldTheBackgroundExactly(OutputFormat format) {
        ProcessingContext context = context(20, 10, "pad=1,2,3,4&bg=11223344", format);

        new PadStep().apply(context);

        BufferedImage padded = context.image();
        assertThat(padded.getWidth()).isEqualTo(26);
        assertThat(padded.getHeight()).isEqualTo(14);
        int background = format == OutputFormat.JPEG ? 0xFF112233 : 0x44112233;
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 26; x++) {
                boolean image = x >= 4 && x < 24 && y >= 1 && y < 11;
                assertThat(padded.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(image ? IMAGE : background);
            }
        }
        assertThat(context.hasAlpha()).isEqualTo(format != OutputFormat.JPEG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pad=3&dpr=2, 6, 6", "pad=0,0,0,5, 0, 5"})
    void marginsScaleWithDpr(String query, int top, int left) {
        ProcessingContext context = context(8, 8, query, OutputFormat.PNG);

        new PadStep().apply(context);

        ResizePlan plan = context.plan();
        assertThat(context.image().getWidth()).isEqualTo(plan.paddedWidth());
        assertThat(context.image().getRGB(left, top)).isEqualTo(IMAGE);
        assertThat(context.image().getRGB(left + 7, top + 7)).isEqualTo(IMAGE);
        if (left > 0) {
            assertThat(context.image().getRGB(left - 1, top)).isEqualTo(0xFFFFFFFF);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PNG", "JPEG"})
    void containPaddingAndPadAddUp(OutputFormat format) {
        // 40×20 into a 20×20 contain box: 20×10 centred with 5 rows above and below, then pad=2 all round.
        ImageOptions options = parser.parse("w=20&h=20&fit=contain&pad=2&bg=00ff00").options();
        ResizePlan plan = geometry.plan(40, 20, options);
        BufferedImage scaled = filled(plan.outputWidth(), plan.scaledHeight());
        ProcessingContext context = Contexts.working(scaled, plan, format, options);

        new PadStep().apply(context);

        BufferedImage padded = context.image();
        assertThat(padded.getWidth()).isEqualTo(24);
        assertThat(padded.getHeight()).isEqualTo(24);
        assertThat(padded.getRGB(2, 6)).isEqualTo(0xFF00FF00);
        assertThat(padded.getRGB(2, 7)).isEqualTo(IMAGE);
        assertThat(padded.getRGB(21, 16)).isEqualTo(IMAGE);
        assertThat(padded.getRGB(21, 17)).isEqualTo(0xFF00FF00);
        assertThat(padded.getRGB(0, 0)).isEqualTo(0xFF00FF00);
    }

    private ProcessingContext context(int width, int height, String query, OutputFormat format) {
        ImageOptions options = parser.parse(query).options();
        return Contexts.working(filled(width, height), geometry.plan(width, height, options), format, options);
    }

    private static BufferedImage filled(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, IMAGE);
            }
        }
        return image;
    }
}
