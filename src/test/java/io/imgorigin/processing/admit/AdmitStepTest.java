package io.imgorigin.processing.admit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.ResizePlan;
import io.imgorigin.processing.pipeline.SourceFormat;

/** The admission estimate: an answer that may be AVIF also reserves the AV1 encoder's native memory. */
class AdmitStepTest {

    /** A 12 MP JPEG asked for at 2000 px wide, as the memory check of bench/rss.sh asks for it. */
    private static ProcessingContext twelveMegapixels(String query, OutputFormat autoFormat, SourceFormat source) {
        ProcessingContext context = new ProcessingContext(new byte[0], new ProcessingRequest(
                new OptionsParser(8192, 80).parse(query).options(), autoFormat, Deadline.after(Duration.ofMinutes(1))));
        context.sourceFormat(source);
        context.storedSize(4032, 3024);
        context.plan(new ResizePlan(4032, 3024, 2000, 1500, 2000, 1500, ResizePlan.Finish.NONE));
        return context;
    }

    @Test
    void anAvifAnswerAddsTheEncodersMemoryForItsOutputPixels() {
        long jpeg = AdmitStep.estimate(twelveMegapixels("w=2000&f=jpeg", null, SourceFormat.JPEG));
        long avif = AdmitStep.estimate(twelveMegapixels("w=2000&f=avif", null, SourceFormat.JPEG));

        assertThat(avif - jpeg).isEqualTo(AdmitStep.avifEncoderBytes(2000L * 1500));
        assertThat(AdmitStep.avifEncoderBytes(2000L * 1500)).isGreaterThan(AdmitStep.avifEncoderBytes(400L * 300));
    }

    @Test
    void theEncodersShareCoversWhatOneEncodeWasMeasuredToTake() {
        // Resident growth measured over single encodes (bench/README.md, "AVIF encoder memory"): 3 MP took
        // 61.6 MiB at speed 8 and 4:2:0, 106.4 MiB at 4:4:4 (q 95); 0.13 MP took 3.7 MiB.
        assertThat(AdmitStep.avifEncoderBytes(2000L * 1500)).isGreaterThan(107L << 20);
        assertThat(AdmitStep.avifEncoderBytes(400L * 327)).isGreaterThan(4L << 20);
    }

    @Test
    void autoCountsTheEncoderOnlyWhenItChoseAvif() {
        long webp = AdmitStep.estimate(twelveMegapixels("w=2000&f=auto", OutputFormat.WEBP, SourceFormat.JPEG));
        long avif = AdmitStep.estimate(twelveMegapixels("w=2000&f=auto", OutputFormat.AVIF, SourceFormat.JPEG));
        long jpeg = AdmitStep.estimate(twelveMegapixels("w=2000&f=jpeg", null, SourceFormat.JPEG));

        assertThat(webp).isEqualTo(jpeg);
        assertThat(avif).isEqualTo(jpeg + AdmitStep.avifEncoderBytes(2000L * 1500));
    }

    @Test
    void withoutFTheSourcesOwnFormatDecides() {
        long fromJpeg = AdmitStep.estimate(twelveMegapixels("w=2000", null, SourceFormat.JPEG));
        long fromAvif = AdmitStep.estimate(twelveMegapixels("w=2000", null, SourceFormat.AVIF));

        assertThat(fromAvif - fromJpeg).isEqualTo(AdmitStep.avifEncoderBytes(2000L * 1500));
    }

    @Test
    void padMarginsCountInTheOutputCanvases() {
        ProcessingContext plain = twelveMegapixels("w=2000&f=jpeg", null, SourceFormat.JPEG);
        ProcessingContext padded = twelveMegapixels("w=2000&f=jpeg", null, SourceFormat.JPEG);
        padded.plan(new ResizePlan(4032, 3024, 2000, 1500, 2000, 1500, ResizePlan.Finish.NONE, null,
                new io.imgorigin.options.Padding(100, 200, 100, 200)));

        long added = AdmitStep.estimate(padded) - AdmitStep.estimate(plain);

        // 2400×1700 instead of 2000×1500 output pixels, in each of the three output-sized canvases of 4 bytes a pixel.
        assertThat(added).isEqualTo((2400L * 1700 - 2000L * 1500) * 3 * 4);
    }

    @Test
    void aHugeOutputSaturatesInsteadOfOverflowing() {
        assertThat(AdmitStep.avifEncoderBytes(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }
}
