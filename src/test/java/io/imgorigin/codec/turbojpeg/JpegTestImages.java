package io.imgorigin.codec.turbojpeg;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import io.imgorigin.codec.NativeCodec;

/** Photo-like images made in code, and the pure-Java JPEG codecs to compare against. */
public final class JpegTestImages {

    private JpegTestImages() {
    }

    /** Smooth gradients, hard-edged shapes and a little noise, so every DCT frequency band has content. */
    public static BufferedImage photo(int width, int height, int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), width, height, new Color(240, 200, 120)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 160));
            int w = 1 + random.nextInt(Math.max(1, width / 4));
            int h = 1 + random.nextInt(Math.max(1, height / 4));
            g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
        }
        g.dispose();
        for (int y = 0; y < height; y += 3) {
            for (int x = 0; x < width; x += 3) {
                int rgb = image.getRGB(x, y);
                int delta = random.nextInt(17) - 8;
                image.setRGB(x, y, shift(rgb, delta));
            }
        }
        return image;
    }

    private static int shift(int rgb, int delta) {
        int r = Math.clamp(((rgb >> 16) & 0xFF) + delta, 0, 255);
        int g = Math.clamp(((rgb >> 8) & 0xFF) + delta, 0, 255);
        int b = Math.clamp((rgb & 0xFF) + delta, 0, 255);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** Encodes with the first JPEG writer that is not backed by native code. */
    public static byte[] javaJpeg(BufferedImage image, float quality, boolean progressive) {
        ImageWriter writer = first(ImageIO.getImageWritersByFormatName("jpeg"));
        try (var bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** Decodes with the first JPEG reader that is not backed by native code (TwelveMonkeys on this classpath). */
    static BufferedImage javaDecode(byte[] jpeg) {
        ImageReader reader = first(ImageIO.getImageReadersByFormatName("jpeg"));
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = JpegTestImages.class.getResourceAsStream("/jpeg/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Peak signal-to-noise ratio over the RGB channels, in dB. */
    static double psnr(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ");
        }
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((p >> shift) & 0xFF) - ((q >> shift) & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * a.getWidth() * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** Downscales by an integer factor, each target pixel the mean of a factor x factor block. */
    static BufferedImage areaAverage(BufferedImage image, int factor) {
        int width = image.getWidth() / factor;
        int height = image.getHeight() / factor;
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] sum = new int[3];
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int rgb = image.getRGB(x * factor + dx, y * factor + dy);
                        sum[0] += (rgb >> 16) & 0xFF;
                        sum[1] += (rgb >> 8) & 0xFF;
                        sum[2] += rgb & 0xFF;
                    }
                }
                int n = factor * factor;
                result.setRGB(x, y, (sum[0] / n) << 16 | (sum[1] / n) << 8 | sum[2] / n);
            }
        }
        return result;
    }

    private static <T> T first(Iterator<T> codecs) {
        while (codecs.hasNext()) {
            T codec = codecs.next();
            Object provider = codec instanceof ImageReader r ? r.getOriginatingProvider()
                    : ((ImageWriter) codec).getOriginatingProvider();
            if (!(provider instanceof NativeCodec)) {
                return codec;
            }
        }
        throw new IllegalStateException("no pure-Java JPEG codec registered");
    }
}
