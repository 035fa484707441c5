package io.imgorigin.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.imgorigin.processing.StandardPipelineAccess;
import io.imgorigin.processing.pipeline.ImageInfo;
import io.imgorigin.processing.pipeline.UnsupportedImageException;

/**
 * {@code info=true} against what the corpus's MANIFEST states: the frame count of every animation (GIF and
 * WebP frames, APNG's acTL), the orientation and upright size of every oriented file, and alpha for the files
 * with alpha, among the files imgorigin reads.
 */
class InfoCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
    private static final Pattern FRAMES = Pattern.compile("^animated: (\\d+) frames|^APNG: acTL declares (\\d+) frames");
    private static final Pattern ORIENTATION = Pattern.compile("^orientation (\\d) \\(.*after auto-orient (\\d+)x(\\d+)");

    @Test
    void infoAgreesWithTheManifest() throws IOException {
        Path manifest = CORPUS.resolve("MANIFEST.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(manifest), "the corpus is not at " + CORPUS);
        SoftAssertions softly = new SoftAssertions();
        List<String> checked = new ArrayList<>();
        for (ManifestRow row : ManifestRow.read(manifest)) {
            Matcher frames = FRAMES.matcher(row.expected());
            Matcher orientation = ORIENTATION.matcher(row.expected());
            boolean alpha = row.category().equals("alpha") && row.expected().contains("alpha present");
            if (!frames.find() && !orientation.find() && !alpha) {
                continue;
            }
            ImageInfo info;
            try {
                info = StandardPipelineAccess.inspect(Files.readAllBytes(CORPUS.resolve(row.file())));
            } catch (UnsupportedImageException e) {
                continue; // AVIF, HEIC and the like: not read yet
            }
            checked.add(row.file());
            if (frames.find(0)) {
                int declared = Integer.parseInt(frames.group(1) != null ? frames.group(1) : frames.group(2));
                softly.assertThat(info.frames()).as(row.file() + " frames").isEqualTo(declared);
            }
            if (orientation.find(0)) {
                softly.assertThat(info.orientation()).as(row.file() + " orientation")
                        .isEqualTo(Integer.parseInt(orientation.group(1)));
                softly.assertThat(new int[] {info.width(), info.height()}).as(row.file() + " upright size")
                        .containsExactly(Integer.parseInt(orientation.group(2)), Integer.parseInt(orientation.group(3)));
            }
            if (alpha) {
                softly.assertThat(info.alpha()).as(row.file() + " alpha").isTrue();
            }
            softly.assertThat(info.blurhash()).as(row.file() + " blurhash").hasSize(28);
        }
        assertThat(checked).hasSizeGreaterThan(40);
        softly.assertAll();
    }
}
