package io.imgorigin.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

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

import io.imgorigin.codec.turbojpeg.JpegCropper;
import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;

/**
 * A whole request's processing on a 12 MP (4000×3000) photo-like JPEG to a 400 px wide JPEG: without
 * {@code crop} (the baseline, decoded at 1/4), with a 1000×1000 crop on the DCT grid (the lossless crop
 * transform, then the region decoded), the same crop one pixel off the grid, and a crop along the bottom edge
 * (whose transform must read all of the data, as the baseline does). Single-threaded, so the
 * time per operation is its CPU time. Run with
 * {@code java --enable-native-access=ALL-UNNAMED -cp target/test-classes:target/classes:<test classpath>
 * org.openjdk.jmh.Main CropBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class CropBenchmark {

    @Param({"w=400&f=jpeg", "crop=1000,1000,1000,1000&w=400&f=jpeg", "crop=1001,1001,1000,1000&w=400&f=jpeg",
            "crop=1000,2000,1000,1000&w=400&f=jpeg"})
    public String query;

    private byte[] jpeg;
    private ImagePipeline pipeline;
    private ImageOptions options;

    @Setup
    public void setUp() throws IOException {
        if (!JpegCropper.available()) {
            throw new IllegalStateException("libturbojpeg's transform functions are not there");
        }
        ProcessingEngine.detect(true);
        jpeg = photoJpeg(4000, 3000);
        pipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192), 50_000_000L, 1000,
                new MemoryBudget(1L << 30, Duration.ofSeconds(5)), true), StageObserver.NONE);
        options = new OptionsParser(8192, 80).parse(query).options();
    }

    @Benchmark
    public ProcessedImage process() {
        return pipeline.process(jpeg, new ProcessingRequest(options, false, Deadline.after(Duration.ofMinutes(1))));
    }

    private static byte[] photoJpeg(int width, int height) throws IOException {
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 80, 150), width, height, new Color(250, 210, 130)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 150));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(400), 20 + random.nextInt(400));
        }
        g.dispose();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                photo.setRGB(x, y, photo.getRGB(x, y) ^ random.nextInt(8) * 0x010101);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", out);
        return out.toByteArray();
    }
}
