package io.imgorigin.processing.encode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.imgorigin.processing.StandardPipelineAccess;
import io.imgorigin.processing.resize.Resizer;
import io.imgorigin.testing.TestImages;

/**
 * How the default qualities were chosen (bench/README.md, "Quality defaults"): every corpus photo is decoded
 * upright and resized to {@code width} pixels wide (as the service would serve it), then encoded at a range of
 * qualities per format and decoded again; its SSIM on luma against the unencoded resize is averaged over the
 * photos. WebP's and AVIF's defaults are the lowest qualities whose mean SSIM reaches JPEG's at 80. JPEG and
 * WebP go through the service's own encoders; AVIF, which the service does not write yet, through libheif with
 * libaom as {@code vips heifsave} drives it (8-bit, 4:2:0 below Q 90, effort 4 = aom speed 5).
 *
 * <p>The qualities tried are {@code -Dsweep.jpeg=...}, {@code -Dsweep.webp=...} and {@code -Dsweep.avif=...}
 * (comma-separated; JPEG must include 80).
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:&lt;test classpath&gt;" \
 *   io.imgorigin.processing.encode.QualityDefaultsSweep ../shared/corpus/photos 1200
 * </pre>
 */
public final class QualityDefaultsSweep {

    private static final int[] JPEG = qualities("jpeg", "70,75,80,85,90");
    private static final int[] WEBP = qualities("webp", "70,74,76,78,80,82,83,84,86,90");
    private static final int[] AVIF = qualities("avif", "40,45,50,55,58,59,60,65,70");

    private QualityDefaultsSweep() {
    }

    private static int[] qualities(String format, String fallback) {
        return Arrays.stream(System.getProperty("sweep." + format, fallback).split(","))
                .mapToInt(q -> Integer.parseInt(q.strip())).toArray();
    }

    public static void main(String[] args) throws Exception {
        Path photos = Path.of(args.length > 0 ? args[0] : "../shared/corpus/photos");
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
        boolean avif = args.length <= 2 || !args[2].equals("no-avif");
        List<Path> files;
        try (Stream<Path> list = Files.list(photos)) {
            files = list.filter(p -> p.toString().matches(".*\\.(jpe?g|png|webp)$")).sorted().toList();
        }
        Map<String, double[]> ssim = new LinkedHashMap<>();
        Map<String, double[]> bytes = new LinkedHashMap<>();
        JpegEncoder jpeg = new JpegEncoder(true);
        WebpEncoder webp = new WebpEncoder();
        Path work = Files.createTempDirectory("quality-sweep-");
        int n = 0;
        for (Path file : files) {
            BufferedImage reference = reference(Files.readAllBytes(file), width);
            if (reference == null) {
                continue;
            }
            for (int q : JPEG) {
                byte[] encoded = jpeg.encode(reference, q);
                add(ssim, bytes, "jpeg", q, n, files.size(), Ssim.mean(reference, TestImages.decode(encoded)), encoded.length);
            }
            for (int q : WEBP) {
                byte[] encoded = webp.encode(reference, q);
                add(ssim, bytes, "webp", q, n, files.size(), Ssim.mean(reference, TestImages.decode(encoded)), encoded.length);
            }
            if (avif) {
                Path png = work.resolve("reference.png");
                ImageIO.write(reference, "png", png.toFile());
                for (int q : AVIF) {
                    Path out = work.resolve("q" + q + ".avif");
                    Path back = work.resolve("q" + q + ".png");
                    run("vips", "heifsave", png.toString(), out.toString(), "--Q", Integer.toString(q), "--compression",
                            "av1", "--encoder", "aom", "--effort", "4", "--bitdepth", "8", "--strip");
                    run("vips", "copy", out.toString(), back.toString());
                    add(ssim, bytes, "avif", q, n, files.size(), Ssim.mean(reference, ImageIO.read(back.toFile())),
                            Files.size(out));
                }
            }
            System.err.printf("%s %d×%d%n", file.getFileName(), reference.getWidth(), reference.getHeight());
            n++;
        }
        report(ssim, bytes, n, width);
    }

    /** Upright, sRGB, over white, at most {@code width} wide; null for what does not decode. */
    public static BufferedImage reference(byte[] source, int width) {
        BufferedImage image;
        try {
            image = StandardPipelineAccess.decodeUpright(source);
        } catch (RuntimeException e) {
            return null;
        }
        if (image.getWidth() > width) {
            int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
            image = new Resizer().resize(image, width, height);
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int a = p >>> 24;
                int r = ((p >> 16 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
                int g = ((p >> 8 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
                int b = ((p & 0xFF) * a + 255 * (255 - a) + 127) / 255;
                rgb.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return rgb;
    }

    private static void add(Map<String, double[]> ssim, Map<String, double[]> bytes, String format, int q, int index,
            int count, double value, long size) {
        ssim.computeIfAbsent(format + " " + q, k -> new double[count])[index] = value;
        bytes.computeIfAbsent(format + " " + q, k -> new double[count])[index] = size;
    }

    private static void report(Map<String, double[]> ssim, Map<String, double[]> bytes, int n, int width) {
        double[] jpeg80 = Arrays.copyOf(ssim.get("jpeg 80"), n);
        double[] jpeg80Bytes = Arrays.copyOf(bytes.get("jpeg 80"), n);
        double target = mean(jpeg80);
        System.out.printf(Locale.ROOT, "%d photos at %d px wide; JPEG q80 mean SSIM %.5f%n%n", n, width, target);
        System.out.println("| format | q | mean SSIM | min SSIM | photos at or above JPEG 80's SSIM | bytes vs JPEG 80 (median) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, double[]> entry : ssim.entrySet()) {
            double[] values = Arrays.copyOf(entry.getValue(), n);
            double[] sizes = Arrays.copyOf(bytes.get(entry.getKey()), n);
            int atLeast = 0;
            double[] ratios = new double[n];
            for (int i = 0; i < n; i++) {
                if (values[i] >= jpeg80[i]) {
                    atLeast++;
                }
                ratios[i] = sizes[i] / jpeg80Bytes[i];
            }
            Arrays.sort(ratios);
            String[] parts = entry.getKey().split(" ");
            System.out.printf(Locale.ROOT, "| %s | %s | %.5f | %.5f | %d of %d | %.2f |%n", parts[0], parts[1],
                    mean(values), Arrays.stream(values).min().orElse(0), atLeast, n, ratios[n / 2]);
        }
        for (String format : List.of("webp", "avif")) {
            String chosen = ssim.keySet().stream().filter(k -> k.startsWith(format + " "))
                    .filter(k -> mean(Arrays.copyOf(ssim.get(k), n)) >= target).findFirst().orElse("none");
            System.out.println("lowest " + format + " quality at JPEG 80's mean SSIM: " + chosen);
        }
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output));
        }
    }
}
