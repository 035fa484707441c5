package io.imgorigin.processing.flatten;

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

class FlattenStepTest {

    private static final ResizePlan PLAN = new ResizePlan(4, 1, 4, 1, 4, 1, Finish.NONE);

    @Test
    void blendsAlphaOntoTheBackgroundForJpeg() {
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF112233);
        image.setRGB(1, 0, 0x00112233);
        image.setRGB(2, 0, 0x80FFFFFF);
        image.setRGB(3, 0, 0x80000000);
        ProcessingContext context = context(image, OutputFormat.JPEG, new Rgba(0, 0, 200, 0x40));

        new FlattenStep().apply(context);

        assertThat(context.hasAlpha()).isFalse();
        assertThat(context.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(TestImages.pixels(context.image())).containsExactly(
                0xFF112233, 0xFF0000C8, 0xFF8080E4, 0xFF000064);
    }

    @Test
    void keepsAlphaForPngAndWebp() {
        for (OutputFormat format : new OutputFormat[] {OutputFormat.PNG, OutputFormat.WEBP}) {
            BufferedImage image = TestImages.filled(4, 1, BufferedImage.TYPE_INT_ARGB, 0x80FF0000);
            ProcessingContext context = context(image, format, Rgba.WHITE);

            new FlattenStep().apply(context);

            assertThat(context.image()).isSameAs(image);
            assertThat(context.hasAlpha()).isTrue();
        }
    }

    @Test
    void leavesAnOpaqueJpegImageAlone() {
        BufferedImage image = TestImages.filled(4, 1, BufferedImage.TYPE_INT_RGB, 0x123456);
        ProcessingContext context = context(image, OutputFormat.JPEG, Rgba.WHITE);

        new FlattenStep().apply(context);

        assertThat(context.image()).isSameAs(image);
    }

    private static ProcessingContext context(BufferedImage image, OutputFormat format, Rgba bg) {
        return Contexts.working(image, PLAN, format, Contexts.options(FormatRequest.ORIGINAL, Gravity.CENTER, bg));
    }
}
