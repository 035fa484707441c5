package io.imgorigin.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.imgorigin.codec.jpeg.DcImageReader;
import io.imgorigin.processing.StandardPipelineAccess;
import io.imgorigin.testing.JpegVariants;

/**
 * {@code info=true}'s processing (probe, small decode, colours) on a 12 MP camera JPEG
 * (corpus orientation/bimg_test_exif_full.jpg: 4032×3024, baseline 4:2:0 with a restart marker every MCU row,
 * a 160×120 EXIF preview) and on its pixels written again in other kinds of JPEG:
 * <ul>
 * <li>{@code preview}: as it is; the EXIF preview is decoded.</li>
 * <li>{@code noPreview}: its EXIF block removed; a sample of its restart intervals is read for DC values.</li>
 * <li>{@code progressive420}, {@code progressive444}: progressive (the JDK encoder's script), quality 90; the
 * first DC scan is read.</li>
 * <li>{@code baseline444rst}: baseline 4:4:4, a restart marker every MCU row, quality 90; sampled.</li>
 * <li>{@code baseline420}: baseline 4:2:0 without restart markers, quality 90: every block's DC code is read,
 * and {@code baseline420dc} the same file through the DC reader alone, without the probe and colours.</li>
 * </ul>
 * Single-threaded, so the time per call is its CPU time on an otherwise idle machine (InfoCpuHttpTest counts
 * CPU time itself). Run with
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main InfoBenchmark}
 * ({@code -Dimgorigin.test.corpus=...} to point at the corpus elsewhere than ../shared/corpus).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class InfoBenchmark {

    @Param({"preview", "noPreview", "progressive420", "progressive444", "baseline444rst", "baseline420",
            "baseline420dc"})
    public String source;

    private byte[] jpeg;

    @Setup
    public void setUp() throws IOException {
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
        byte[] camera = Files.readAllBytes(corpus.resolve("orientation/bimg_test_exif_full.jpg"));
        jpeg = switch (source) {
            case "preview" -> camera;
            case "noPreview" -> withoutApp1(camera);
            default -> JpegVariants.encode(StandardPipelineAccess.decodeUpright(withoutApp1(camera)), kind(source));
        };
    }

    private static JpegVariants.Kind kind(String source) {
        return switch (source) {
            case "progressive420" -> new JpegVariants.Kind(true, true, 0, 0.9f);
            case "progressive444" -> new JpegVariants.Kind(true, false, 0, 0.9f);
            case "baseline444rst" -> new JpegVariants.Kind(false, false, 504, 0.9f);
            case "baseline420", "baseline420dc" -> new JpegVariants.Kind(false, true, 0, 0.9f);
            default -> throw new IllegalArgumentException(source);
        };
    }

    @Benchmark
    public Object inspect() throws IOException {
        return source.equals("baseline420dc")
                ? DcImageReader.read(jpeg, Long.MAX_VALUE)
                : StandardPipelineAccess.inspect(jpeg);
    }

    /** The JPEG without its APP1 segments (EXIF and XMP): the same pixels, no preview. */
    public static byte[] withoutApp1(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int position = 2;
        while (position + 4 <= jpeg.length) {
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            int length = (jpeg[position + 2] & 0xFF) << 8 | jpeg[position + 3] & 0xFF;
            if (marker != 0xE1) {
                out.write(jpeg, position, 2 + length);
            }
            position += 2 + length;
        }
        out.write(jpeg, position, jpeg.length - position);
        return out.toByteArray();
    }
}
