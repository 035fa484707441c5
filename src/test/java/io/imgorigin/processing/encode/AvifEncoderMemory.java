package io.imgorigin.processing.encode;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * How much native memory one AVIF encode takes, for the admission estimate ({@code AdmitStep}): encodes a photo
 * scaled to WIDTH×HEIGHT once and prints how far the process's resident set rose above what it was before the
 * encode (the kernel's high-water mark, reset just before). Run it with the heap committed and touched up
 * front ({@code -Xms} = {@code -Xmx}, {@code -XX:+AlwaysPreTouch}) so that Java allocations do not count, and
 * one JVM per size, since the C allocator keeps what an earlier encode freed. See bench/README.md.
 *
 * <pre>java -Xms1g -Xmx1g -XX:+AlwaysPreTouch ... AvifEncoderMemory PHOTO.jpg WIDTH HEIGHT SPEED QUALITY</pre>
 */
public final class AvifEncoderMemory {

    private AvifEncoderMemory() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage photo = ImageIO.read(Path.of(args[0]).toFile());
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        int speed = Integer.parseInt(args[3]);
        int quality = Integer.parseInt(args[4]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, width, height, null);
        g.dispose();
        photo = null;
        AvifEncoder encoder = new AvifEncoder(speed, quality);
        // A small encode first, so that loading libheif and libaom is not counted.
        encoder.encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), quality);
        System.gc();
        long before = kib("VmRSS");
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        long start = System.nanoTime();
        byte[] avif = encoder.encode(image, quality);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = kib("VmHWM");
        System.out.printf(Locale.ROOT, "%d %d %d %d %d %d %.1f%n", width, height, speed, quality, avif.length, ms,
                (peak - before) / 1024.0);
    }

    private static long kib(String field) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
        for (String line : lines) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }
}
