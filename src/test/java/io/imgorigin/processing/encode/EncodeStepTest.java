package io.imgorigin.processing.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.Fit;
import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;

class EncodeStepTest {

    @Test
    void encodesInTheDecidedFormatAtTheRequestedQuality() {
        List<String> calls = new ArrayList<>();
        EncodeStep step = new EncodeStep(List.of(recording(OutputFormat.JPEG, calls), recording(OutputFormat.PNG, calls),
                recording(OutputFormat.WEBP, calls), recording(OutputFormat.AVIF, calls),
                recording(OutputFormat.GIF, calls)));
        ProcessingContext context = context(37);
        context.image(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB));
        context.outputFormat(OutputFormat.WEBP);

        step.apply(context);

        assertThat(calls).containsExactly("WEBP q37 30x20");
        assertThat(context.result().format()).isEqualTo(OutputFormat.WEBP);
        assertThat(context.result().bytes()).containsExactly('W');
        assertThat(context.result().width()).isEqualTo(30);
        assertThat(context.result().height()).isEqualTo(20);
    }

    @Test
    void needsAnEncoderForEveryFormat() {
        assertThatThrownBy(() -> new EncodeStep(List.of(new PngEncoder(), new JpegEncoder(false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WEBP");
    }

    @Test
    void theRealEncodersWriteTheirFormats() {
        EncodeStep step = new EncodeStep(List.of(new JpegEncoder(true), new PngEncoder(), new WebpEncoder(),
                new AvifEncoder(8, 55), new GifEncoder(io.imgorigin.processing.StandardAnimationCodecs.detect(false))));
        for (OutputFormat format : OutputFormat.values()) {
            if (format == OutputFormat.AVIF && !AvifEncoder.available()) {
                continue;
            }
            ProcessingContext context = context(80);
            context.image(new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB));
            context.outputFormat(format);

            step.apply(context);

            BufferedImage decoded = EncodedBytes.decode(context.result().bytes());
            assertThat(decoded.getWidth()).as(format.name()).isEqualTo(16);
            assertThat(decoded.getHeight()).isEqualTo(8);
        }
    }

    private static ImageEncoder recording(OutputFormat format, List<String> calls) {
        return new ImageEncoder() {
            @Override
            public OutputFormat format() {
                return format;
            }

            @Override
            public byte[] encode(BufferedImage image, int quality) {
                calls.add(format + " q" + quality + " " + image.getWidth() + "x" + image.getHeight());
                return new byte[] {(byte) format.name().charAt(0)};
            }
        };
    }

    private static ProcessingContext context(int quality) {
        ImageOptions options = new ImageOptions(null, null, FormatRequest.ORIGINAL, quality, Fit.COVER, Gravity.CENTER,
                BigDecimal.ONE, Rgba.WHITE, false);
        return new ProcessingContext(new byte[0], new ProcessingRequest(options, false, Deadline.after(Duration.ofMinutes(1))));
    }
}
