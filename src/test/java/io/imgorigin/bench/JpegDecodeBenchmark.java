package io.imgorigin.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.codec.turbojpeg.TurboJpegImageReaderSpi;
import io.imgorigin.codec.turbojpeg.TurboJpegLibrary;

/**
 * Decoding a 3000x2000 photo-like JPEG for a 400 px wide target: TwelveMonkeys at full size against
 * libjpeg-turbo at full size and at the smallest DCT scale covering the target.
 * Run with {@code java -cp <test classpath> org.openjdk.jmh.Main JpegDecodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class JpegDecodeBenchmark {

    private static final int TARGET_WIDTH = 400;

    private byte[] jpeg;

    @Setup
    public void setUp() throws IOException {
        if (!TurboJpegLibrary.instance().available()) {
            throw new IllegalStateException("libturbojpeg " + TurboJpegLibrary.instance().describe());
        }
        BufferedImage photo = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 80, 150), 3000, 2000, new Color(250, 210, 130)));
        g.fillRect(0, 0, 3000, 2000);
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0x1000000)));
            g.fillOval(random.nextInt(3000), random.nextInt(2000), 10 + random.nextInt(300), 10 + random.nextInt(300));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", out);
        jpeg = out.toByteArray();
    }

    @Benchmark
    public BufferedImage twelveMonkeysFull() throws IOException {
        return read(pureJavaReader(), null);
    }

    @Benchmark
    public BufferedImage turboFull() throws IOException {
        return read(new TurboJpegImageReaderSpi().createReaderInstance(null), null);
    }

    @Benchmark
    public BufferedImage turboRenderSize() throws IOException {
        ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRenderSize(new java.awt.Dimension(TARGET_WIDTH, TARGET_WIDTH * 2000 / 3000));
        return read(reader, param);
    }

    private BufferedImage read(ImageReader reader, ImageReadParam param) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader pureJavaReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!(reader.getOriginatingProvider() instanceof NativeCodec)) {
                return reader;
            }
        }
        throw new IllegalStateException("no pure-Java JPEG reader");
    }
}
