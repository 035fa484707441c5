package io.imgorigin.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.SplittableRandom;
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

import io.imgorigin.processing.pipeline.ImageExtent;
import io.imgorigin.processing.resize.CropWindow;
import io.imgorigin.processing.resize.Resizer;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Resizing a 3000×2000 photograph-like image to 400 px wide: the Resizer (whole, and a square cover
 * crop), against Thumbnailator's default quality path. Run with
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main ResizeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResizeBenchmark {

    @Param({"RGB", "ARGB"})
    public String pixels;

    private final Resizer resizer = new Resizer();
    private BufferedImage source;

    @Setup
    public void setUp() {
        source = photoLike(3000, 2000, pixels.equals("ARGB") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    @Benchmark
    public BufferedImage resizer() {
        return resizer.resize(source, 400, 267);
    }

    @Benchmark
    public BufferedImage resizerCoverCrop() {
        return resizer.resize(source, ImageExtent.of(source), 400, 267, new CropWindow(67, 0, 267, 267));
    }

    @Benchmark
    public BufferedImage thumbnailator() throws IOException {
        return Thumbnails.of(source).size(400, 267).asBufferedImage();
    }

    private static BufferedImage photoLike(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        SplittableRandom random = new SplittableRandom(42);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int texture = (int) (18 * Math.sin(x * 0.07 + Math.sin(y * 0.031) * 3) * Math.cos(y * 0.05));
                int noise = (int) (random.nextGaussian() * 4);
                int r = clamp(120 + 90 * x / width + texture + noise);
                int g = clamp(90 + 110 * y / height + texture + noise);
                int b = clamp(160 - 80 * y / height + noise);
                row[x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 40; i++) {
            g.setColor(new java.awt.Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(400), 20 + random.nextInt(300));
        }
        g.dispose();
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
