package io.imgorigin.processing.orient;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingRequest;

class OrientStepTest {

    private static final int A = 0xA, B = 0xB, C = 0xC, D = 0xD, E = 0xE, F = 0xF;

    /**
     * The stored image is
     * <pre>
     * A B C
     * D E F
     * </pre>
     * and each row gives the upright image, row by row, for one EXIF orientation.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(delimiter = '|', value = {
        "1 | 3 | A B C D E F",
        "2 | 3 | C B A F E D",
        "3 | 3 | F E D C B A",
        "4 | 3 | D E F A B C",
        "5 | 2 | A D B E C F",
        "6 | 2 | D A E B F C",
        "7 | 2 | F C E B D A",
        "8 | 2 | C F B E A D",
    })
    void movesEveryPixelWhereTheOrientationSays(int orientation, int uprightWidth, String upright) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 3, 2, new int[] {A, B, C, D, E, F}, 0, 3);

        ProcessingContext context = new ProcessingContext(new byte[0], new ProcessingRequest(
                new OptionsParser(8192, 80).parse("").options(), false, Deadline.after(Duration.ofMinutes(1))));
        context.image(stored);
        context.orientation(orientation);
        new OrientStep().apply(context);

        BufferedImage result = context.image();
        int uprightHeight = 6 / uprightWidth;
        assertThat(result.getWidth()).isEqualTo(uprightWidth);
        assertThat(result.getHeight()).isEqualTo(uprightHeight);
        assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        int[] pixels = result.getRGB(0, 0, uprightWidth, uprightHeight, null, 0, uprightWidth);
        StringBuilder actual = new StringBuilder();
        for (int p : pixels) {
            actual.append(actual.isEmpty() ? "" : " ").append(Integer.toHexString(p & 0xFFFFFF).toUpperCase());
        }
        assertThat(actual.toString()).isEqualTo(upright);
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({"5", "6", "7", "8", "2"})
    void keepsAlpha(int orientation) {
        BufferedImage stored = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        stored.setRGB(0, 0, 0x80123456);
        BufferedImage upright = OrientStep.orient(stored, orientation);
        assertThat(upright.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        int count = 0;
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                count += upright.getRGB(x, y) == 0x80123456 ? 1 : 0;
            }
        }
        assertThat(count).isEqualTo(1);
    }
}
