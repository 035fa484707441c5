package io.imgorigin.processing.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.testing.JpegVariants;
import io.imgorigin.testing.JpegVariants.Kind;
import io.imgorigin.testing.TestImages;

/** Which JPEGs the DC path reads, and which go to the full decoder. */
class DcDecodeStepTest {

    /** Stands in for the full decoder: counts its calls and leaves a 1×1 image. */
    private static final class FullDecode implements ProcessingStep {
        int calls;

        @Override
        public String name() {
            return "decode";
        }

        @Override
        public void apply(ProcessingContext context) {
            calls++;
            context.image(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB));
            context.decoder("full");
        }
    }

    private final FullDecode full = new FullDecode();
    private final DcDecodeStep step = new DcDecodeStep(full, 50_000_000);

    private ProcessingContext run(byte[] bytes, SourceFormat format, int width, int height) {
        ProcessingContext context = new ProcessingContext(bytes,
                new ProcessingRequest(ImageOptions.original(), false, Deadline.after(Duration.ofMinutes(1))));
        context.sourceFormat(format);
        context.storedSize(width, height);
        step.apply(context);
        return context;
    }

    @Test
    void progressiveAndSequentialJpegsAreReadFromTheirDcCoefficients() {
        for (Kind kind : new Kind[] {new Kind(true, true, 0, 0.9f), new Kind(true, false, 0, 0.9f),
                new Kind(false, true, 4, 0.9f), new Kind(false, true, 0, 0.9f)}) {
            byte[] jpeg = JpegVariants.encode(JpegVariants.photoLike(300, 201, 1), kind);
            ProcessingContext context = run(jpeg, SourceFormat.JPEG, 300, 201);

            assertThat(context.decoder()).as(kind.toString()).isEqualTo(DcDecodeStep.DECODER);
            assertThat(context.image().getWidth()).isEqualTo(38);
            assertThat(context.image().getHeight()).isEqualTo(26);
        }
        assertThat(full.calls).isZero();
    }

    @Test
    void otherFilesGoToTheFullDecoder() throws IOException {
        try (InputStream in = DcDecodeStepTest.class.getResourceAsStream("/decode/cmyk.jpg")) {
            assertThat(run(in.readAllBytes(), SourceFormat.JPEG, 32, 32).decoder()).as("CMYK").isEqualTo("full");
        }

        byte[] progressive = JpegVariants.encode(JpegVariants.photoLike(300, 200, 1), new Kind(true, true, 0, 0.9f));
        assertThat(run(progressive, SourceFormat.JPEG, 300, 202).decoder()).as("a size the probe did not read")
                .isEqualTo("full");
        byte[] truncated = java.util.Arrays.copyOf(progressive, 700);
        assertThat(run(truncated, SourceFormat.JPEG, 300, 200).decoder()).as("truncated in the DC scan")
                .isEqualTo("full");

        assertThat(run(TestImages.png(30, 20, false), SourceFormat.PNG, 30, 20).decoder()).isEqualTo("full");
        assertThat(full.calls).isEqualTo(4);
    }
}
