package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

import io.imgorigin.corpus.ManifestRow;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.codec.turbojpeg.TurboJpegLibrary;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Every file of the shared corpus through probe, decode, colour and orient with the pure-Java
 * decoders: each either becomes an upright 8-bit sRGB image of the size the MANIFEST states, or is
 * refused as unsupported (415) or unusable (422); nothing else escapes. Refusals of files the
 * reference decoder (libvips) reads are listed, and must stay under 5 %.
 */
class DecodeCorpusTest {

    private static final Pattern UPRIGHT = Pattern.compile("after auto-orient (\\d+)x(\\d+)");
    private static final Pattern OUTPUT = Pattern.compile("output (\\d+)x(\\d+)");
    private static final Pattern MEAN = Pattern.compile("mean sRGB \\((\\d+),(\\d+),(\\d+)\\)");
    private static final Pattern CMYK_NOTE = Pattern.compile("inverted \\(Adobe APP14\\) decode gives a mean near");
    private static final int MEAN_TOLERANCE = 12;
    /**
     * libvips renders CMYK through its own default profile (ArgyllCMS's "Chemical proof") and its own
     * Lab to sRGB step; the default profile here (ISO Coated v2) and LittleCMS land up to ~20 levels
     * away in saturated blues. The naive formula and an inverted decode land farther off.
     */
    private static final int CMYK_TOLERANCE = 22;
    /**
     * For files with an embedded RGB profile the MANIFEST's mean is that of the unconverted values (its
     * adobe-rgb and XYB rows match libvips' plain jpegload band means), so it is only checked where
     * libvips' own icc_transform gave the converted mean to compare with.
     */
    private static final Map<String, int[]> CONVERTED_MEANS = Map.of(
            "color/sharp_prophoto.png", new int[] {117, 160, 210},
            "formats/image-size_big-endian.tiff", new int[] {139, 139, 139});
    /** TwelveMonkeys converts CIELAB without lcms; its blue channel lands about 14 levels off. */
    private static final Map<String, Integer> WIDER_TOLERANCE = Map.of("color/sharp_cielab-dagams.tiff", 16);
    private static final String QUERY = "w=512";

    private record Row(String file, String category, String expected) {

        boolean referenceDecodes() {
            boolean refused = expected.startsWith("UNSUPPORTED") || category.equals("bombs");
            return !refused && (expected.startsWith("decode ok") || expected.startsWith("animated:")
                    || expected.startsWith("APNG") || expected.startsWith("static PNG")
                    || expected.contains("lenient decode ok") || expected.contains("should decode ok"));
        }

        /** The reference mean colour (alpha flattened on white) of a file that must decode, or null. */
        int[] mean() {
            Matcher m = MEAN.matcher(expected);
            boolean decodes = expected.startsWith("decode ok") || category.equals("color");
            if (expected.contains("embedded ICC profile must be converted")) {
                return null;
            }
            return decodes && m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))} : null;
        }

        /** CMYK rows say what mean an inverted decode would give. */
        boolean cmyk() {
            return CMYK_NOTE.matcher(expected).find();
        }

        /** The upright size the MANIFEST states, or the first-frame size for files without orientation notes. */
        int[] upright() {
            for (Pattern pattern : List.of(UPRIGHT, OUTPUT)) {
                Matcher m = pattern.matcher(expected);
                if (m.find()) {
                    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
                }
            }
            return null;
        }
    }

    /**
     * With native codecs (as shipped) at least 95 % of what libvips decodes must decode; the pure-Java
     * fallback is held to the same correctness but its coverage is only reported (it cannot read
     * arithmetic-coded JPEG).
     */
    @ParameterizedTest(name = "native codecs: {0}")
    @ValueSource(booleans = {true, false})
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyFileDecodesUprightOrIsRefusedCleanly(boolean nativeCodecs) throws IOException {
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
        Assumptions.assumeTrue(Files.isRegularFile(corpus.resolve("MANIFEST.tsv")),
                "the shared corpus (" + corpus + ") is not present in this checkout");
        Assumptions.assumeTrue(!nativeCodecs || TurboJpegLibrary.instance().available(),
                () -> "libturbojpeg is not installed: " + TurboJpegLibrary.instance().describe());
        ProcessingEngine.detect(nativeCodecs);
        FrontPipeline pipeline = new FrontPipeline(nativeCodecs);
        List<String> wrong = new ArrayList<>();
        List<String> refusedButReferenceDecodes = new ArrayList<>();
        int referenceDecodes = 0;
        for (Row row : rows(corpus.resolve("MANIFEST.tsv"))) {
            byte[] bytes = Files.readAllBytes(corpus.resolve(row.file()));
            if (row.referenceDecodes()) {
                referenceDecodes++;
            }
            try (ProcessingContext context = pipeline.run(bytes, QUERY)) {
                String problem = check(row, context);
                if (problem != null) {
                    wrong.add(row.file() + ": " + problem);
                }
            } catch (UnsupportedImageException | UnusableImageException e) {
                if (row.referenceDecodes()) {
                    refusedButReferenceDecodes.add(row.file() + " — " + e.getClass().getSimpleName() + ": "
                            + e.getMessage());
                }
            } catch (RuntimeException | Error e) {
                wrong.add(row.file() + ": escaped " + e);
            }
        }
        System.out.println("Refused although libvips decodes them (" + refusedButReferenceDecodes.size() + " of "
                + referenceDecodes + "):");
        refusedButReferenceDecodes.forEach(line -> System.out.println("  " + line));
        assertThat(wrong).isEmpty();
        if (nativeCodecs) {
            assertThat(refusedButReferenceDecodes.size()).isLessThanOrEqualTo(referenceDecodes / 20);
        }
    }

    private static String check(Row row, ProcessingContext context) {
        BufferedImage image = context.image();
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            return "working image of type " + type;
        }
        if (context.hasAlpha() != (type == BufferedImage.TYPE_INT_ARGB)) {
            return "hasAlpha disagrees with the image type";
        }
        if (row.expected().contains("alpha present") && !context.hasAlpha()) {
            return "the alpha channel was lost";
        }
        if (row.expected().contains("must render OPAQUE") && context.hasAlpha()) {
            return "padding was taken for alpha";
        }
        int[] mean = CONVERTED_MEANS.getOrDefault(row.file(), row.mean());
        if (mean != null) {
            int[] actual = meanOnWhite(image);
            int tolerance = row.cmyk() ? CMYK_TOLERANCE : WIDER_TOLERANCE.getOrDefault(row.file(), MEAN_TOLERANCE);
            String problem = compareMean(actual, mean, tolerance);
            if (problem != null) {
                return problem;
            }
        }
        int[] upright = row.upright();
        if (upright == null) {
            return null;
        }
        if (context.plan().sourceWidth() != upright[0] || context.plan().sourceHeight() != upright[1]) {
            return "upright size " + context.plan().sourceWidth() + "x" + context.plan().sourceHeight()
                    + ", MANIFEST says " + upright[0] + "x" + upright[1];
        }
        double expectedAspect = (double) upright[0] / upright[1];
        double aspect = (double) image.getWidth() / image.getHeight();
        boolean exact = image.getWidth() == upright[0] && image.getHeight() == upright[1];
        boolean shrunk = image.getWidth() >= context.plan().scaledWidth()
                && image.getHeight() >= context.plan().scaledHeight()
                && Math.abs(aspect / expectedAspect - 1) < 0.02;
        return exact || context.plan().resizes() && shrunk ? null
                : "decoded " + image.getWidth() + "x" + image.getHeight() + " for upright " + upright[0] + "x"
                        + upright[1];
    }

    private static String compareMean(int[] actual, int[] expected, int tolerance) {
        for (int c = 0; c < 3; c++) {
            if (Math.abs(actual[c] - expected[c]) > tolerance) {
                return "mean colour " + Arrays.toString(actual) + ", expected " + Arrays.toString(expected);
            }
        }
        return null;
    }

    private static int[] meanOnWhite(BufferedImage image) {
        long[] sums = new long[3];
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int p : pixels) {
            int a = p >>> 24;
            for (int c = 0; c < 3; c++) {
                int v = p >> (16 - 8 * c) & 0xFF;
                sums[c] += (v * a + 255 * (255 - a) + 127) / 255;
            }
        }
        return new int[] {(int) (sums[0] / pixels.length), (int) (sums[1] / pixels.length),
                (int) (sums[2] / pixels.length)};
    }

    private static List<Row> rows(Path manifest) throws IOException {
        return ManifestRow.read(manifest).stream().map(row -> new Row(row.file(), row.category(), row.expected()))
                .toList();
    }
}
