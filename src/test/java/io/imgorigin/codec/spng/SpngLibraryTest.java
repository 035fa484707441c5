package io.imgorigin.codec.spng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpngLibraryTest {

    @Test
    void aLibraryThatCannotBeFoundIsUnavailableWithTheReason() {
        SpngLibrary missing = new SpngLibrary(List.of("libspng-missing.so.9"));

        assertThat(missing.available()).isFalse();
        assertThat(missing.describe()).startsWith("unavailable: ").contains("libspng-missing.so.9");
        assertThatThrownBy(missing::require).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theInstalledLibraryReportsItsVersionAndWhereItCameFrom() {
        assumeTrue(SpngLibrary.instance().available(), () -> "libspng not loadable: " + SpngLibrary.instance().describe());

        assertThat(SpngLibrary.instance().describe()).matches("libspng \\d+\\.\\d+\\.\\d+ loaded from .*libspng\\.so.*");
    }
}
