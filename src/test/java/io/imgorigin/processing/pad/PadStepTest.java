package io.imgorigin.processing.pad;

import io.imgorigin.processing.pipeline.Contexts;
import io.imgorigin.processing.resize.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.pipeline.ResizePlan.Finish;

class PadStepTest {

    private static final Rgba ORANGE = new Rgba(0xFF, 0x88, 0x00, 0xFF);
    private static final Rgba TRANSLUCENT = new Rgba(0x10, 0x20, 0x30, 0x40);

    @Test
    void centresTheImageOnTheBackgroundColour() {
        ProcessingContext context = context(TestImages.filled(101, 40, BufferedImage.TYPE_INT_RGB, 0x0000FF),
                new ResizePlan(500, 200, 101, 40, 200, 50, Finish.PAD), OutputFormat.JPEG, ORANGE);

        new PadStep().apply(context);

        BufferedImage image = context.image();
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(50);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        // floor((200-101)/2) = 49 columns and floor((50-40)/2) = 5 rows before the image
        assertThat(image.getRGB(48, 25)).isEqualTo(0xFFFF8800);
        assertThat(image.getRGB(49, 25)).isEqualTo(0xFF0000FF);
        assertThat(image.getRGB(149, 25)).isEqualTo(0xFF0000FF);
        assertThat(image.getRGB(150, 25)).isEqualTo(0xFFFF8800);
        assertThat(image.getRGB(100, 4)).isEqualTo(0xFFFF8800);
        assertThat(image.getRGB(100, 5)).isEqualTo(0xFF0000FF);
        assertThat(image.getRGB(100, 44)).isEqualTo(0xFF0000FF);
        assertThat(image.getRGB(100, 45)).isEqualTo(0xFFFF8800);
        assertThat(context.hasAlpha()).isFalse();
    }

    @Test
    void aTranslucentBackgroundMakesAlphaWhereTheFormatKeepsIt() {
        for (OutputFormat format : new OutputFormat[] {OutputFormat.PNG, OutputFormat.WEBP}) {
            ProcessingContext context = context(TestImages.filled(10, 10, BufferedImage.TYPE_INT_RGB, 0x00FF00),
                    new ResizePlan(10, 10, 10, 10, 20, 10, Finish.PAD), format, TRANSLUCENT);

            new PadStep().apply(context);

            assertThat(context.hasAlpha()).isTrue();
            assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
            assertThat(context.image().getRGB(0, 0)).isEqualTo(0x40102030);
            assertThat(context.image().getRGB(10, 5)).isEqualTo(0xFF00FF00);
        }
    }

    @Test
    void jpegGetsTheBackgroundsColourWithoutItsAlpha() {
        ProcessingContext context = context(TestImages.filled(10, 10, BufferedImage.TYPE_INT_RGB, 0x00FF00),
                new ResizePlan(10, 10, 10, 10, 10, 20, Finish.PAD), OutputFormat.JPEG, TRANSLUCENT);

        new PadStep().apply(context);

        assertThat(context.hasAlpha()).isFalse();
        assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(context.image().getRGB(0, 0)).isEqualTo(0xFF102030);
    }

    @Test
    void anImageWithAlphaKeepsItsOwnTransparency() {
        ProcessingContext context = context(TestImages.filled(10, 10, BufferedImage.TYPE_INT_ARGB, 0x00000000),
                new ResizePlan(10, 10, 10, 10, 30, 10, Finish.PAD), OutputFormat.PNG, ORANGE);

        new PadStep().apply(context);

        assertThat(context.hasAlpha()).isTrue();
        assertThat(context.image().getRGB(0, 0)).isEqualTo(0xFFFF8800);
        assertThat(context.image().getRGB(15, 5)).isEqualTo(0x00000000);
    }

    @Test
    void leavesOtherFinishesAlone() {
        BufferedImage image = TestImages.filled(10, 10, BufferedImage.TYPE_INT_RGB, 0);
        ProcessingContext context = context(image, new ResizePlan(10, 10, 10, 10, 10, 10, Finish.NONE),
                OutputFormat.PNG, ORANGE);

        new PadStep().apply(context);

        assertThat(context.image()).isSameAs(image);
    }

    private static ProcessingContext context(BufferedImage image, ResizePlan plan, OutputFormat format, Rgba bg) {
        return Contexts.working(image, plan, format, Contexts.options(FormatRequest.ORIGINAL, Gravity.CENTER, bg));
    }
}
