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

import io.imgorigin.processing.StandardPipelineAccess;
import io.imgorigin.processing.pipeline.ImageInfo;

/**
 * {@code info=true}'s processing (probe, small decode, colours) on a 12 MP camera JPEG
 * (corpus orientation/bimg_test_exif_full.jpg, 4032×3024 with a 160×120 EXIF preview), as it is
 * ({@code preview}) and with its EXIF block removed ({@code noPreview}, decoded at 1/8). Single-threaded, so the
 * time per operation is its CPU time. Run with
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

    @Param({"preview", "noPreview"})
    public String source;

    private byte[] jpeg;

    @Setup
    public void setUp() throws IOException {
        Path corpus = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
        byte[] camera = Files.readAllBytes(corpus.resolve("orientation/bimg_test_exif_full.jpg"));
        jpeg = source.equals("preview") ? camera : withoutApp1(camera);
    }

    @Benchmark
    public ImageInfo inspect() {
        return StandardPipelineAccess.inspect(jpeg);
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
