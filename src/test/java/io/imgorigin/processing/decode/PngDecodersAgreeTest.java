package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.codec.spng.SpngLibrary;

/**
 * Every PNG of the shared corpus through probe, decode, colour and orient with libspng and with the
 * JDK's reader: both refuse it or both give the same working image, pixel for pixel, at full size and
 * subsampled for a small output.
 */
class PngDecodersAgreeTest {

    @ParameterizedTest(name = "query: \"{0}\"")
    @ValueSource(strings = {"", "w=64"})
    void libspngAndTheJdkReaderDecodeTheCorpusPngsAlike(String query) throws IOException {
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus), "the shared corpus (" + corpus + ") is not present in this checkout");
        assumeTrue(SpngLibrary.instance().available(), () -> "libspng is not installed: " + SpngLibrary.instance().describe());
        ProcessingEngine.detect(true);
        FrontPipeline nativePipeline = new FrontPipeline(true);
        FrontPipeline javaPipeline = new FrontPipeline(false);
        List<String> disagreements = new ArrayList<>();
        int bySpng = 0;
        for (Path file : pngs(corpus)) {
            byte[] bytes = Files.readAllBytes(file);
            Outcome spng = decode(nativePipeline, bytes, query);
            Outcome jdk = decode(javaPipeline, bytes, query);
            if ("spng".equals(spng.decoder())) {
                bySpng++;
            }
            String problem = spng.differenceFrom(jdk);
            if (problem != null) {
                disagreements.add(corpus.relativize(file) + ": " + problem);
            }
        }
        System.out.println(bySpng + " corpus PNGs decoded by libspng for \"" + query + "\"");
        assertThat(disagreements).isEmpty();
        assertThat(bySpng).isPositive();
    }

    private static List<Path> pngs(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase().endsWith(".png"))
                    .sorted().toList();
        }
    }

    private static Outcome decode(FrontPipeline pipeline, byte[] bytes, String query) {
        try (ProcessingContext context = pipeline.run(bytes, query)) {
            BufferedImage image = context.image();
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
            if (image.getType() == BufferedImage.TYPE_INT_RGB) {
                // The unused top byte of TYPE_INT_RGB is 0 or 0xFF depending on who wrote the pixel.
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] &= 0xFFFFFF;
                }
            }
            return new Outcome(context.decoder(), image.getWidth(), image.getHeight(), image.getType(), pixels, null);
        } catch (UnsupportedImageException | UnusableImageException e) {
            return new Outcome(null, 0, 0, 0, null, e.getClass().getSimpleName());
        }
    }

    private record Outcome(String decoder, int width, int height, int type, int[] pixels, String refusal) {

        String differenceFrom(Outcome other) {
            if (refusal != null || other.refusal != null) {
                return refusal != null && other.refusal != null ? null : "refused by one decoder only (" + refusal
                        + " / " + other.refusal + ")";
            }
            if (width != other.width || height != other.height || type != other.type) {
                return "%dx%d type %d, not %dx%d type %d".formatted(width, height, type, other.width, other.height,
                        other.type);
            }
            int differing = 0;
            int first = -1;
            for (int i = 0; i < pixels.length; i++) {
                if (pixels[i] != other.pixels[i]) {
                    differing++;
                    first = first < 0 ? i : first;
                }
            }
            return differing == 0 ? null : "%d pixels differ (by %s), the first at (%d,%d): %08x, not %08x"
                    .formatted(differing, decoder, first % width, first / width, pixels[first], other.pixels[first]);
        }
    }

}
