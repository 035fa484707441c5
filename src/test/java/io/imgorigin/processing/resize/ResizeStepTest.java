package io.imgorigin.processing.resize;

import io.imgorigin.processing.pipeline.Contexts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.pipeline.ResizePlan.Finish;

class ResizeStepTest {

    private final ResizeStep step = new ResizeStep(new Resizer(), new CropPlacer(new DetailFinder()));

    @ParameterizedTest(name = "{0}×{1} image, plan {2}×{3} -> {4}×{5} {6}")
    @CsvSource({
            // image size, then the plan's scaled size and output size: the image is the source itself ...
            "1200, 800, 300, 200, 300, 200, NONE",
            "1200, 800, 300, 200, 200, 200, CROP",
            "1200, 800, 300, 200, 300, 300, PAD",
            "1200, 800, 600, 100, 600, 100, NONE",
            "1200, 800, 1200, 800, 1200, 800, NONE",
            "1200, 800, 1200, 800, 800, 800, CROP",
            "120, 80, 480, 320, 480, 200, CROP",
            // ... or an image the decoder shrank on load to half of the 2400×1600 source
            "1200, 800, 150, 100, 150, 100, NONE",
            "1200, 800, 150, 100, 100, 100, CROP"})
    void makesTheScaledSizeOrTheCropOfIt(int width, int height, int scaledWidth, int scaledHeight,
                                          int outputWidth, int outputHeight, Finish finish) {
        ProcessingContext context = context(TestImages.photoLike(width, height, 1),
                new ResizePlan(2400, 1600, scaledWidth, scaledHeight, outputWidth, outputHeight, finish), Gravity.CENTER);

        step.apply(context);

        int expectedWidth = finish == Finish.CROP ? outputWidth : scaledWidth;
        int expectedHeight = finish == Finish.CROP ? outputHeight : scaledHeight;
        assertThat(context.image().getWidth()).isEqualTo(expectedWidth);
        assertThat(context.image().getHeight()).isEqualTo(expectedHeight);
        assertThat(context.hasAlpha()).isFalse();
    }

    @Test
    void anUnchangedImageIsPassedOn() {
        BufferedImage image = TestImages.photoLike(64, 48, 1);
        ProcessingContext context = context(image, new ResizePlan(64, 48, 64, 48, 64, 48, Finish.NONE), Gravity.CENTER);

        step.apply(context);

        assertThat(context.image()).isSameAs(image);
    }

    @Test
    void cropsAtTheGravity() {
        // Left half red, right half blue: a left crop keeps red, a right crop blue.
        BufferedImage image = TestImages.filled(400, 100, BufferedImage.TYPE_INT_RGB, 0xFF0000);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(200, 0, 200, 100);
        g.dispose();
        ResizePlan plan = new ResizePlan(400, 100, 200, 50, 50, 50, Finish.CROP);

        ProcessingContext left = context(image, plan, Gravity.LEFT);
        step.apply(left);
        ProcessingContext right = context(image, plan, Gravity.BOTTOM_RIGHT);
        step.apply(right);

        assertThat(TestImages.pixels(left.image())).containsOnly(0xFFFF0000);
        assertThat(TestImages.pixels(right.image())).containsOnly(0xFF0000FF);
    }

    @Test
    void keepsAlpha() {
        BufferedImage image = TestImages.filled(300, 300, BufferedImage.TYPE_INT_ARGB, 0x80FF0000);
        ProcessingContext context = context(image, new ResizePlan(300, 300, 100, 100, 100, 100, Finish.NONE), Gravity.CENTER);

        step.apply(context);

        assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(TestImages.pixels(context.image())).containsOnly(0x80FF0000);
        assertThat(context.hasAlpha()).isTrue();
    }

    private static ProcessingContext context(BufferedImage image, ResizePlan plan, Gravity gravity) {
        return Contexts.working(image, plan, OutputFormat.PNG,
                Contexts.options(FormatRequest.ORIGINAL, gravity, Rgba.WHITE));
    }
}
