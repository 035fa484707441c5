package io.imgorigin.codec.turbojpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lossless crop transform: the new JPEG starts at the region's corner moved to the iMCU grid, ends at
 * the region's far corner, and decodes to the same pixels as a decode of the whole JPEG cut there (up to
 * the chroma upsampling along the new edges). Skipped where libturbojpeg is missing.
 */
class JpegCropperTest {

    @BeforeEach
    void library() {
        assumeTrue(JpegCropper.available(), () -> "libturbojpeg's transform functions are not there: "
                + TurboJpegTransformLibrary.instance().describe());
    }

    @ParameterizedTest(name = "progressive={0} region {1},{2} {3}×{4}")
    @CsvSource({
            "false, 0,   0,   64,  48",
            "false, 37,  21,  100, 90",
            "false, 16,  16,  1,   1",
            "true,  101, 77,  99,  83",
            "true,  0,   0,   200, 160"})
    void cutsTheRegionOnTheMcuGrid(boolean progressive, int x, int y, int width, int height) {
        BufferedImage photo = JpegTestImages.photo(200, 160, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = JpegTestImages.javaJpeg(photo, 0.9f, progressive);
        JpegCropper.Layout layout = JpegCropper.layout(jpeg);
        assertThat(layout).isEqualTo(new JpegCropper.Layout(200, 160, 16, 16));

        JpegCropper.Cropped cropped = JpegCropper.crop(jpeg, x, y, width, height);

        assertThat(cropped.x()).isEqualTo(x - x % 16);
        assertThat(cropped.y()).isEqualTo(y - y % 16);
        assertThat(cropped.width()).isEqualTo(x + width - cropped.x());
        assertThat(cropped.height()).isEqualTo(y + height - cropped.y());
        BufferedImage part = JpegTestImages.javaDecode(cropped.jpeg());
        assertThat(part.getWidth()).isEqualTo(cropped.width());
        assertThat(part.getHeight()).isEqualTo(cropped.height());
        BufferedImage whole = JpegTestImages.javaDecode(jpeg);
        int worst = 0;
        for (int row = 2; row < part.getHeight() - 2; row++) {
            for (int column = 2; column < part.getWidth() - 2; column++) {
                worst = Math.max(worst, difference(part.getRGB(column, row),
                        whole.getRGB(cropped.x() + column, cropped.y() + row)));
            }
        }
        assertThat(worst).as("largest channel difference away from the new edges").isLessThanOrEqualTo(2);
    }

    @Test
    void theDataBelowTheRegionIsNeverRead() {
        byte[] whole = JpegTestImages.javaJpeg(JpegTestImages.photo(200, 160, BufferedImage.TYPE_INT_RGB), 0.9f, false);
        // The last 30 % of the file replaced by an end-of-image marker: the lower rows' data is gone.
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length * 7 / 10 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) io.imgorigin.codec.jpeg.JpegMarker.EOI;

        JpegCropper.Cropped top = JpegCropper.crop(cut, 10, 5, 64, 40);
        JpegCropper.Cropped bottom = JpegCropper.crop(cut, 10, 120, 64, 40);

        assertThat(top).as("a region in the rows whose data is all there").isNotNull();
        assertThat(JpegTestImages.javaDecode(top.jpeg()).getRGB(30, 20))
                .isEqualTo(JpegTestImages.javaDecode(JpegCropper.crop(whole, 10, 5, 64, 40).jpeg()).getRGB(30, 20));
        assertThat(bottom).as("a region in the rows whose data is cut off").isNull();
    }

    @Test
    void aGrayJpegHasAnEightPixelGrid() {
        BufferedImage gray = JpegTestImages.photo(50, 40, BufferedImage.TYPE_BYTE_GRAY);
        byte[] jpeg = JpegTestImages.javaJpeg(gray, 0.9f, false);

        JpegCropper.Cropped cropped = JpegCropper.crop(jpeg, 13, 9, 20, 20);

        assertThat(JpegCropper.layout(jpeg).mcuWidth()).isEqualTo(8);
        assertThat(cropped.x()).isEqualTo(8);
        assertThat(cropped.y()).isEqualTo(8);
        assertThat(JpegTestImages.javaDecode(cropped.jpeg()).getWidth()).isEqualTo(25);
    }

    @Test
    void aRegionOutsideTheJpegIsRefused() {
        byte[] jpeg = JpegTestImages.javaJpeg(JpegTestImages.photo(64, 32, BufferedImage.TYPE_INT_RGB), 0.8f, false);

        assertThatThrownBy(() -> JpegCropper.crop(jpeg, 60, 0, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpegCropper.crop(jpeg, 0, 0, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpegCropper.crop(jpeg, -1, 0, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JpegCropper.crop(jpeg, 0, 0, Integer.MAX_VALUE, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsNotAJpegGivesNull() {
        assertThat(JpegCropper.layout(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 1, 2})).isNull();
        assertThat(JpegCropper.crop(new byte[] {1, 2, 3, 4, 5}, 0, 0, 1, 1)).isNull();
        assertThat(JpegCropper.layout(new byte[0])).isNull();
    }

    private static int difference(int a, int b) {
        int worst = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            worst = Math.max(worst, Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)));
        }
        return worst;
    }
}
