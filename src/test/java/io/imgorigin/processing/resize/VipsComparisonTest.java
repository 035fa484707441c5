package io.imgorigin.processing.resize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Resizer against libvips' thumbnailer on the same source: measured against a full-size Lanczos3,
 * it may lose at most 1 dB to it. Skipped where {@code vipsthumbnail} is not installed.
 */
class VipsComparisonTest {

    @TempDir
    Path directory;

    @Test
    void losesAtMostOneDecibelToVipsthumbnail() throws Exception {
        assumeTrue(Vipsthumbnail.installed(), "vipsthumbnail is not installed");
        BufferedImage source = TestImages.photoLike(2400, 1600, 11);
        Path input = directory.resolve("source.png");
        ImageIO.write(source, "png", input.toFile());

        BufferedImage thumbnail = Vipsthumbnail.thumbnail(input, "400");
        int width = thumbnail.getWidth();
        int height = thumbnail.getHeight();

        BufferedImage reference = ReferenceLanczos.resize(source, width, height);
        double ours = TestImages.psnr(new Resizer().resize(source, width, height), reference);
        double theirs = TestImages.psnr(thumbnail, reference);

        assertThat(ours).as("PSNR of the Resizer; vipsthumbnail has %.2f dB", theirs).isGreaterThan(theirs - 1);
    }
}
