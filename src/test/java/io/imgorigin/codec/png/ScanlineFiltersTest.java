package io.imgorigin.codec.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.IIOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.imgorigin.codec.VectorModule;
import io.imgorigin.testing.SpecFilters;

class ScanlineFiltersTest {

    private static final int ROWS = 9;
    private static final int PIXELS = 13;
    /** Filter types 0 to 4 for every row, or -1 for a different type on each row. */
    private static final int MIXED = -1;

    static Stream<Arguments> filtersAndPixelSizes() {
        return IntStream.of(1, 2, 3, 4, 6, 8).boxed()
                .flatMap(bpp -> IntStream.of(0, 1, 2, 3, 4, MIXED).boxed()
                        .flatMap(filter -> Stream.of(false, true).map(vectors -> Arguments.of(filter, bpp, vectors))));
    }

    @ParameterizedTest(name = "filter {0}, {1} bytes per pixel, vector Paeth {2}")
    @MethodSource("filtersAndPixelSizes")
    void undoesWhatTheFilterDid(int filter, int bytesPerPixel, boolean vectors) throws IIOException {
        assumeTrue(!vectors || VectorModule.PRESENT, "the JVM runs without jdk.incubator.vector");
        int rowBytes = PIXELS * bytesPerPixel;
        byte[][] samples = new byte[ROWS][rowBytes];
        Random random = new Random(filter * 10L + bytesPerPixel);
        for (byte[] row : samples) {
            random.nextBytes(row);
        }
        // Runs of equal values make the predictor's ties matter.
        for (int i = 0; i < rowBytes; i += 3) {
            samples[4][i] = samples[3][i];
        }
        byte[] data = new byte[ROWS * (rowBytes + 1)];
        for (int y = 0; y < ROWS; y++) {
            byte[] filtered = SpecFilters.filter(filter == MIXED ? y % 5 : filter, samples, y, bytesPerPixel);
            System.arraycopy(filtered, 0, data, y * (rowBytes + 1), filtered.length);
        }

        ScanlineFilters.reverse(data, ROWS, rowBytes, bytesPerPixel, vectors);

        for (int y = 0; y < ROWS; y++) {
            byte[] row = new byte[rowBytes];
            System.arraycopy(data, y * (rowBytes + 1) + 1, row, 0, rowBytes);
            assertThat(row).as("row %d", y).isEqualTo(samples[y]);
        }
    }

    @Test
    void theTestsRunWithTheVectorModuleAsTheServiceDoes() {
        assertThat(VectorModule.PRESENT).isTrue();
    }

    @Test
    void thePaethPredictorBreaksTiesAsTheSpecificationSays() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    int expected = SpecFilters.paeth(a, b, c);
                    if (ScanlineFilters.predict(a, b, c) != expected) {
                        assertThat(ScanlineFilters.predict(a, b, c)).as("a=%d b=%d c=%d", a, b, c).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void refusesAnUnknownFilterType() {
        byte[] data = {0, 1, 2, 5, 3, 4};

        assertThatThrownBy(() -> ScanlineFilters.reverse(data, 2, 2, 1))
                .isInstanceOf(IIOException.class).hasMessageContaining("row 1").hasMessageContaining("filter type 5");
    }
}
