package io.imgorigin.bench;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
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

import io.imgorigin.processing.filter.GaussianBlur;
import io.imgorigin.processing.filter.UnsharpMask;

/**
 * {@code blur} and {@code sharpen} on a resized image, 400×300 and 2000×1500 (the width is the {@code size}
 * parameter), opaque or with translucent pixels. Blur at sigma 1, 5 and 50; sharpen at 1, 5 and 10, the top
 * of its range. The forks get the vector module, as the container does; {@code -jvmArgsAppend -Dunused}
 * replaces that to measure the scalar loops. Warm-up iterations are long because on a busy machine the
 * vector loops take seconds to be compiled.
 *
 * <p>{@link #convolveOp} is the baseline: the JDK's own separable convolution ({@code java.awt.image.ConvolveOp},
 * a row and a column kernel) with the same sampled Gaussian out to 3 sigma at every sigma, and for sharpen the
 * same unsharp mask arithmetic after it. It leaves a border of the kernel's radius unfiltered instead of
 * extending the edges, so it does a little less work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FilterBenchmark {

    @Param({"blur 1", "blur 5", "blur 50", "sharpen 1", "sharpen 5", "sharpen 10"})
    public String filter;

    @Param({"400", "2000"})
    public int size;

    @Param({"RGB"})
    public String type;

    private final GaussianBlur blur = new GaussianBlur();
    private final UnsharpMask sharpen = new UnsharpMask();
    private BufferedImage image;
    private boolean sharpening;
    private double sigma;
    private ConvolveOp rows;
    private ConvolveOp columns;

    @Setup
    public void setUp() {
        String[] parts = filter.split(" ");
        sharpening = parts[0].equals("sharpen");
        sigma = Double.parseDouble(parts[1]);
        image = photoLike(size, size * 3 / 4, type.equals("ARGB"));
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] weights = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            sum += Math.exp(-k * k / (2 * sigma * sigma));
        }
        for (int k = -radius; k <= radius; k++) {
            weights[k + radius] = (float) (Math.exp(-k * k / (2 * sigma * sigma)) / sum);
        }
        rows = new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null);
        columns = new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null);
    }

    @Benchmark
    public BufferedImage apply() {
        return sharpening ? sharpen.apply(image, sigma) : blur.apply(image, sigma);
    }

    @Benchmark
    public BufferedImage convolveOp() {
        BufferedImage blurred = columns.filter(rows.filter(image, null), null);
        if (!sharpening) {
            return blurred;
        }
        int[] source = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] out = ((DataBufferInt) blurred.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < out.length; i++) {
            int s = source[i];
            int b = out[i];
            out[i] = s & 0xFF000000 | unsharp(s, b, 16) << 16 | unsharp(s, b, 8) << 8 | unsharp(s, b, 0);
        }
        return blurred;
    }

    private static int unsharp(int source, int blurred, int shift) {
        int s = source >> shift & 0xFF;
        return clamp(2 * s - (blurred >> shift & 0xFF));
    }

    private static BufferedImage photoLike(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(29);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int texture = (int) (30 * Math.sin(x * 0.05 + 2 * Math.sin(y * 0.02)) * Math.cos(y * 0.04));
                int noise = (int) (random.nextGaussian() * 5);
                int r = clamp(110 + 100 * x / width + texture + noise);
                int g = clamp(80 + 120 * y / height + texture + noise);
                int b = clamp(170 - 90 * y / height + noise);
                // With alpha, a soft-edged cut-out: opaque in the middle, clear at the borders.
                int a = alpha ? clamp((int) (255 * 4 * Math.min(Math.min(x, width - x) / (double) width,
                        Math.min(y, height - y) / (double) height))) : 0xFF;
                pixels[y * width + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
