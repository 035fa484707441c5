package io.imgorigin.codec.turbojpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TurboJpegLibraryTest {

    @Test
    void aLibraryThatCannotBeFoundIsUnavailableWithTheReason() {
        TurboJpegLibrary missing = new TurboJpegLibrary(List.of("libturbojpeg-missing.so.9"));

        assertThat(missing.available()).isFalse();
        assertThat(missing.describe()).startsWith("unavailable: ").contains("libturbojpeg-missing.so.9");
        assertThatThrownBy(missing::require).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theInstalledLibraryReportsWhereItCameFromAndItsScalingFactors() {
        assumeTrue(TurboJpegLibrary.instance().available(), () -> "libturbojpeg not loadable: " + TurboJpegLibrary.instance().describe());

        assertThat(TurboJpegLibrary.instance().describe()).startsWith("libturbojpeg").contains("libturbojpeg.so");
        assertThat(TurboJpegLibrary.instance().scalingFactors())
                .contains(new ScalingFactor(1, 8), new ScalingFactor(1, 4), new ScalingFactor(3, 8),
                        new ScalingFactor(1, 2), new ScalingFactor(1, 1));
    }
}
