package io.imgorigin.processing.resize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import io.imgorigin.codec.turbojpeg.TurboJpegLibrary;

/**
 * Issue 3's quality bar for the JPEG fast path: a 400 px result made by the whole pipeline with the native
 * codecs (libjpeg-turbo's DCT-domain shrink-on-load by a power of two, then the Resizer; PNG out, so
 * nothing is lost after the resize), measured against full decode plus a plain Lanczos3, may lose at most
 * 1 dB to vipsthumbnail's result on the same photo. Uses a real photo from the shared corpus when it is
 * present, else a generated one.
 */
class JpegFastPathQualityTest {

    private static final int TARGET_WIDTH = 400;

    @TempDir
    Path directory;

    /**
     * A 2725×2225 photo and a 4032×3024 one, both decoded at 1/4 for 400 px: the first because 1/2 would
     * leave a 3.4× reduction, the second keeps 2.5×. The first has odd sides, so its decode ends in a
     * partial pixel, which the resize has to account for.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sharp_2569067123_aca715a2ee_o.jpg", "exif-samples_42_IndexError.jpg"})
    void shrinkOnLoadLosesAtMostOneDecibelToVipsthumbnail(String corpusPhoto) throws Exception {
        assumeTrue(TurboJpegLibrary.instance().available(), () -> "libturbojpeg is not installed: " + TurboJpegLibrary.instance().describe());
        assumeTrue(Vipsthumbnail.installed(), "vipsthumbnail is not installed");
        Path input = photo(corpusPhoto);
        byte[] jpeg = Files.readAllBytes(input);

        BufferedImage theirs = Vipsthumbnail.thumbnail(input, Integer.toString(TARGET_WIDTH));
        int width = theirs.getWidth();
        int height = theirs.getHeight();

        BufferedImage full = FastPathResults.fullDecode(jpeg);
        BufferedImage reference = ReferenceLanczos.resize(full, width, height);
        BufferedImage ours = FastPathResults.served(jpeg, width);
        assertThat(ours.getHeight()).isEqualTo(height);

        double oursDb = TestImages.psnr(ours, reference);
        double theirsDb = TestImages.psnr(theirs, reference);
        System.out.printf("%s: fast path %.2f dB, vipsthumbnail %.2f dB%n", corpusPhoto, oursDb, theirsDb);
        assertThat(oursDb).as("fast path %.2f dB, vipsthumbnail %.2f dB", oursDb, theirsDb).isGreaterThan(theirsDb - 1);
    }

    /**
     * Between 3× and 4× the decoder scales a JPEG to 1/2 in place of the resizer's 2×2 block averaging,
     * which goes below twice the output; the result must stay far above visible loss (it is 50.0 dB on
     * the 4032×3024 corpus photo at 1200 px, where block averaging gave 51.6 dB).
     */
    @Test
    void aThreeToFourTimesReductionStaysAboveFortyFiveDecibels() throws Exception {
        assumeTrue(TurboJpegLibrary.instance().available(), () -> "libturbojpeg is not installed: " + TurboJpegLibrary.instance().describe());
        byte[] jpeg = Files.readAllBytes(photo("exif-samples_42_IndexError.jpg"));
        BufferedImage full = FastPathResults.fullDecode(jpeg);
        int width = (int) Math.round(full.getWidth() / 3.36);
        int height = (int) Math.round((double) full.getHeight() * width / full.getWidth());

        BufferedImage ours = FastPathResults.served(jpeg, width);

        assertThat(ours.getHeight()).isEqualTo(height);
        double oursDb = TestImages.psnr(ours, ReferenceLanczos.resize(full, width, height));
        System.out.printf("%d px: fast path %.2f dB%n", width, oursDb);
        assertThat(oursDb).isGreaterThan(45);
    }

    private Path photo(String name) throws IOException {
        Path corpusPhoto = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"), "photos", name);
        if (Files.isRegularFile(corpusPhoto)) {
            return corpusPhoto;
        }
        Path generated = directory.resolve("photo.jpg");
        ImageIO.write(TestImages.photoLike(2400, 1600, 5), "jpeg", generated.toFile());
        return generated;
    }
}
