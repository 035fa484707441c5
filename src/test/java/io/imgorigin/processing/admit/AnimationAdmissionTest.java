package io.imgorigin.processing.admit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.animate.AnimationCodecs;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.FrameReader;
import io.imgorigin.processing.pipeline.FrameWriter;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.probe.Geometry;

/** What admission reserves for an animation kept whole: the full canvas, the encoder, and the frames' output. */
class AnimationAdmissionTest {

    private static final AnimationCodecs GIF_ONLY = new AnimationCodecs() {
        public boolean reads(SourceFormat format) { return format == SourceFormat.GIF; }
        public boolean writes(OutputFormat format) { return format == OutputFormat.GIF; }
        public FrameReader reader(SourceFormat format, byte[] source) { throw new UnsupportedOperationException(); }
        public FrameWriter writer(OutputFormat format, int w, int h, int loop, int q) {
            throw new UnsupportedOperationException();
        }
    };

    private static ProcessingContext gif(int frames, String query) {
        ProcessingContext context = new ProcessingContext(new byte[0], new ProcessingRequest(
                new OptionsParser(8192, 80).parse(query).options(), false, Deadline.after(Duration.ofMinutes(1))));
        context.sourceFormat(SourceFormat.GIF);
        context.storedSize(2000, 1000);
        context.frames(frames);
        context.plan(new Geometry(8192).plan(2000, 1000, context.request().options()));
        return context;
    }

    private static long reserved(ProcessingContext context) {
        MemoryBudget budget = new MemoryBudget(1L << 40, Duration.ofSeconds(1));
        new AdmitStep(budget, GIF_ONLY).apply(context);
        long used = budget.used();
        context.close();
        return used;
    }

    @Test
    void anAnimationReservesTheFullCanvasWhateverTheOutputSize() {
        long animated = reserved(gif(10, "w=100&f=gif"));
        long still = reserved(gif(10, "w=100&f=png"));
        // Frames are composited at full canvas size: no shrink-on-load, unlike the first frame of a still output.
        assertThat(animated).isGreaterThanOrEqualTo(2000L * 1000 * 4 * 6);
        assertThat(animated).isGreaterThan(still);
    }

    @Test
    void theEncodedOutputGrowsTheReservationWithTheFrameCount() {
        long ten = reserved(gif(10, "w=1000&f=gif"));
        long thousand = reserved(gif(1000, "w=1000&f=gif"));
        assertThat(thousand - ten).isEqualTo(990L * 1000 * 500);
    }

    @Test
    void animFalseReservesAsForAStillImage() {
        assertThat(reserved(gif(10, "w=100&f=gif&anim=false"))).isEqualTo(reserved(gif(10, "w=100&f=png")));
    }
}
