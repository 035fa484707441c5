package io.imgorigin.bench;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
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

import io.imgorigin.processing.resize.Resizer;

/**
 * The resize stage as the service meets it in the benchmark scenarios, after shrink-on-load: a 2725×2225
 * JPEG decoded at 1/4 to 400 px, a 4032×3024 one decoded at 1/2 to 1200 px (Lanczos3 alone for both), and a 1488×1486 RGBA PNG with real transparency to 300 px. The full-size
 * 4032×3024 case is what a source without DCT scaling (WebP, or JPEG without libjpeg-turbo) costs. Each
 * case is {@code sourceWidth x sourceHeight > width x height, pixels}. The forks get the vector module,
 * as the container does; {@code -jvmArgsAppend -Dunused} replaces that to measure the scalar loops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class StageResizeBenchmark {

    @Param({"682x557>400x327,RGB", "2016x1512>1200x900,RGB", "1488x1486>300x300,ARGB", "4032x3024>1200x900,RGB"})
    public String scenario;

    private final Resizer resizer = new Resizer();
    private BufferedImage source;
    private int width;
    private int height;

    @Setup
    public void setUp() {
        String[] parts = scenario.split("[x>,]");
        boolean alpha = parts[4].equals("ARGB");
        source = photoLike(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), alpha);
        width = Integer.parseInt(parts[2]);
        height = Integer.parseInt(parts[3]);
    }

    @Benchmark
    public BufferedImage resize() {
        return resizer.resize(source, width, height);
    }

    private static BufferedImage photoLike(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(17);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int texture = (int) (18 * Math.sin(x * 0.07 + Math.sin(y * 0.031) * 3) * Math.cos(y * 0.05));
                int noise = (int) (random.nextGaussian() * 4);
                int r = clamp(120 + 90 * x / width + texture + noise);
                int g = clamp(90 + 110 * y / height + texture + noise);
                int b = clamp(160 - 80 * y / height + noise);
                pixels[y * width + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 4),
                    20 + random.nextInt(height / 4));
        }
        if (alpha) {
            // A cut-out logo: a clear border and soft-edged holes, as RGBA PNGs tend to have.
            g.setComposite(AlphaComposite.Clear);
            g.fillRect(0, 0, width, height / 8);
            g.fillRect(0, 0, width / 8, height);
            for (int i = 0; i < 12; i++) {
                g.fillOval(random.nextInt(width), random.nextInt(height), 30 + random.nextInt(200), 30 + random.nextInt(200));
            }
        }
        g.dispose();
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
