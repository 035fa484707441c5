package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.processing.pipeline.ResizePlan;

/** The sizes {@link ShrinkOnLoad} lets readers decode to, per side. */
class ShrinkOnLoadSizesTest {

    @Test
    void theScaledSizeIsTakenInStoredOrientation() {
        ResizePlan plan = new ResizePlan(3000, 4000, 300, 400, 300, 400, ResizePlan.Finish.NONE);
        assertThat(ShrinkOnLoad.of(plan, new Dimension(4000, 3000), true).anySize()).isEqualTo(new Dimension(800, 600));
        assertThat(ShrinkOnLoad.of(plan, new Dimension(3000, 4000), false).anySize()).isEqualTo(new Dimension(600, 800));
    }

    @Test
    void nothingIsReducedWithoutAResize() {
        ShrinkOnLoad none = ShrinkOnLoad.none(new Dimension(300, 400));
        assertThat(none.anySize()).isEqualTo(new Dimension(300, 400));
        assertThat(none.halvings()).isEqualTo(new Dimension(300, 400));
    }

    /**
     * Scaled 400 px from sources of several sizes: {@code anySize} is twice that, or half the source
     * between 3× and 4×; {@code halvings} follows until the smallest covering halving would leave more
     * than 3×, and then asks for the next halving.
     */
    @ParameterizedTest(name = "{0} px to 400: any size {1}, halvings {2}")
    @CsvSource({
            "600, 600, 600",     // 1.5×: no room for a reduction
            "1000, 800, 800",    // 2.5×: twice the output
            "1344, 672, 672",    // 3.36×: a full decode would be averaged in 2×2 blocks
            "2000, 800, 800",    // 5×: 1/2 leaves 2.5×
            "2725, 800, 682",    // 6.8×: 1/2 leaves 3.4×, so 1/4
            "4032, 800, 800",    // 10×: 1/4 leaves 2.5×
            "6000, 800, 750",    // 15×: 1/4 leaves 3.75×, so 1/8
            "20000, 800, 800",   // 50×: 1/8 is the last halving; the reader covers 800 with it
    })
    void sizesForAReductionTo400(int source, int anySize, int halvings) {
        ShrinkOnLoad shrink = new ShrinkOnLoad(new Dimension(source, source), new Dimension(400, 400));
        assertThat(shrink.anySize().width).isEqualTo(anySize);
        assertThat(shrink.halvings().width).isEqualTo(halvings);
    }
}
