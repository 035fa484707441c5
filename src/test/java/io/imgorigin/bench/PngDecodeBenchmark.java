package io.imgorigin.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.imgorigin.codec.ByteArrayImageInputStream;
import io.imgorigin.codec.NativeCodec;
import io.imgorigin.codec.spng.SpngImageReaderSpi;
import io.imgorigin.codec.spng.SpngLibrary;
import io.imgorigin.testing.SpecFilters;

/**
 * Decoding a 1500x1500 RGBA PNG (gradients, shapes and noise, so it compresses like a photograph): the
 * JDK's reader against this project's reader, whole (libdeflate and the Java unfiltering when libdeflate
 * is present), through libspng row by row (the region leaves out the last row, which is what sends a read
 * down that path) and subsampled by 4 as the decode step asks for a small output. Run with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main PngDecodeBenchmark}; the forks get the vector
 * module as the container does (the scalar Paeth loop: {@code -jvmArgsAppend
 * --enable-native-access=ALL-UNNAMED}, which replaces the annotation's arguments).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class PngDecodeBenchmark {

    private static final int SIDE = 1500;
    private static final int STEP = 4;

    private byte[] png;

    @Setup
    public void setUp() throws IOException {
        if (!SpngLibrary.instance().available()) {
            throw new IllegalStateException("libspng " + SpngLibrary.instance().describe());
        }
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(20, 80, 150, 255), SIDE, SIDE, new Color(250, 210, 130, 90)));
        g.fillRect(0, 0, SIDE, SIDE);
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(random.nextInt(0x1000000) | random.nextInt(256) << 24, true));
            g.fillOval(random.nextInt(SIDE), random.nextInt(SIDE), 10 + random.nextInt(250), 10 + random.nextInt(250));
        }
        g.dispose();
        // One bit of noise per colour sample compresses about as well as a photograph.
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] ^= random.nextInt(2) << 16 | random.nextInt(2) << 8 | random.nextInt(2);
        }
        // Every row Paeth-filtered, as libpng and ImageMagick mostly choose for photographs (the JDK's
        // writer filters nothing).
        byte[][] rows = new byte[SIDE][SIDE * 4];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int argb = pixels[y * SIDE + x];
                rows[y][4 * x] = (byte) (argb >> 16);
                rows[y][4 * x + 1] = (byte) (argb >> 8);
                rows[y][4 * x + 2] = (byte) argb;
                rows[y][4 * x + 3] = (byte) (argb >>> 24);
            }
        }
        png = SpecFilters.png(SIDE, 6, rows, y -> 4, 1 << 16);
    }

    @Benchmark
    public BufferedImage jdkFull() throws IOException {
        return read(jdkReader(), null);
    }

    @Benchmark
    public BufferedImage nativeWhole() throws IOException {
        return read(new SpngImageReaderSpi().createReaderInstance(null), null);
    }

    @Benchmark
    public BufferedImage spngRowByRow() throws IOException {
        ImageReader reader = new SpngImageReaderSpi().createReaderInstance(null);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle(0, 0, SIDE, SIDE - 1));
        return read(reader, param);
    }

    @Benchmark
    public BufferedImage jdkSubsampled() throws IOException {
        ImageReader reader = jdkReader();
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(STEP, STEP, 0, 0);
        return read(reader, param);
    }

    @Benchmark
    public BufferedImage spngSubsampled() throws IOException {
        ImageReader reader = new SpngImageReaderSpi().createReaderInstance(null);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(STEP, STEP, 0, 0);
        return read(reader, param);
    }

    private BufferedImage read(ImageReader reader, ImageReadParam param) throws IOException {
        try (ImageInputStream in = new ByteArrayImageInputStream(png)) {
            reader.setInput(in, true, true);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader jdkReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!(reader.getOriginatingProvider() instanceof NativeCodec)) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalStateException("no pure-Java PNG reader");
    }
}
