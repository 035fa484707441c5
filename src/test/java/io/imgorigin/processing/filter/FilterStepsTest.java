package io.imgorigin.processing.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Contexts;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.probe.Geometry;

/** The blur and sharpen steps apply the kernels with the request's sigma, and nothing without it. */
class FilterStepsTest {

    private final OptionsParser parser = new OptionsParser(8192, 80);

    @Test
    void blurAppliesTheGaussianWithTheRequestsSigma() {
        BufferedImage edge = edge(40, 20);
        ProcessingContext context = context(edge, "blur=2");

        new BlurStep(new GaussianBlur()).apply(context);

        assertSamePixels(context.image(), new GaussianBlur().apply(edge(40, 20), 2));
        assertThat(context.image().getRGB(19, 10)).isNotEqualTo(edge.getRGB(19, 10));
    }

    @Test
    void sharpenAppliesTheUnsharpMaskWithTheRequestsSigma() {
        BufferedImage edge = edge(40, 20);
        ProcessingContext context = context(edge, "sharpen=1.5");

        new SharpenStep(new UnsharpMask()).apply(context);

        assertSamePixels(context.image(), new UnsharpMask().apply(edge(40, 20), 1.5));
    }

    @Test
    void withoutTheOptionsTheImageIsLeftAlone() {
        BufferedImage edge = edge(10, 10);
        ProcessingContext context = context(edge, "w=10");

        new BlurStep(new GaussianBlur()).apply(context);
        new SharpenStep(new UnsharpMask()).apply(context);

        assertThat(context.image()).isSameAs(edge);
    }

    private ProcessingContext context(BufferedImage image, String query) {
        ImageOptions options = parser.parse(query).options();
        return Contexts.working(image, new Geometry(8192).plan(image.getWidth(), image.getHeight(), options),
                OutputFormat.PNG, options);
    }

    /** Dark grey left of the middle, light grey right of it. */
    private static BufferedImage edge(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? 0x404040 : 0xC0C0C0);
            }
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }
}
