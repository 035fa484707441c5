package io.imgorigin.processing.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import io.imgorigin.processing.jpeg.TurboJpegImageReaderSpi;
import io.imgorigin.processing.jpeg.TurboJpegLibrary;

/**
 * Issue 3's quality bar for the JPEG fast path: a 400 px result made by libjpeg-turbo's DCT-domain
 * shrink-on-load (by a power of two, to at least four times the target) and the Resizer, measured against full decode plus a
 * plain Lanczos3, may lose at most 1 dB to vipsthumbnail's result on the same photo. Uses a real photo
 * from the shared corpus when it is present, else a generated one.
 */
class JpegFastPathQualityTest {

    private static final int TARGET_WIDTH = 400;

    @TempDir
    Path directory;

    /** A 2725×2225 photo (decoded at full size for 400 px) and a 4032×3024 one (decoded at 1/2). */
    @ParameterizedTest
    @ValueSource(strings = {"sharp_2569067123_aca715a2ee_o.jpg", "exif-samples_42_IndexError.jpg"})
    void shrinkOnLoadLosesAtMostOneDecibelToVipsthumbnail(String corpusPhoto) throws Exception {
        assumeTrue(TurboJpegLibrary.isAvailable(), () -> "libturbojpeg is not installed: " + TurboJpegLibrary.status());
        assumeTrue(TestImages.onPath("vipsthumbnail"), "vipsthumbnail is not installed");
        Path input = photo(corpusPhoto);
        byte[] jpeg = Files.readAllBytes(input);

        Path output = directory.resolve("thumbnail.png");
        Process vips = new ProcessBuilder("vipsthumbnail", input.toString(), "-s", Integer.toString(TARGET_WIDTH),
                "-o", output.toString()).redirectErrorStream(true).start();
        assertThat(vips.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(vips.exitValue()).as(new String(vips.getInputStream().readAllBytes())).isZero();
        BufferedImage theirs = ImageIO.read(output.toFile());
        int width = theirs.getWidth();
        int height = theirs.getHeight();

        BufferedImage full = decode(jpeg, null);
        BufferedImage reference = ReferenceLanczos.resize(full, width, height);
        // The render size the decode step asks for: four times the output per side.
        BufferedImage shrunk = decode(jpeg, new Dimension(4 * width, 4 * height));
        BufferedImage ours = new Resizer().resize(shrunk, width, height);

        double oursDb = TestImages.psnr(ours, reference);
        double theirsDb = TestImages.psnr(TestImages.opaque(theirs), reference);
        assertThat(oursDb).as("fast path %.2f dB, vipsthumbnail %.2f dB", oursDb, theirsDb).isGreaterThan(theirsDb - 1);
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

    private static BufferedImage decode(byte[] jpeg, Dimension renderSize) throws IOException {
        ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(input, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            if (renderSize != null) {
                param.setSourceRenderSize(renderSize);
            }
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }
}
