package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.imgorigin.codec.libheif.AvifWriter;
import io.imgorigin.codec.libheif.HeifLibrary;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.encode.JpegEncoder;
import io.imgorigin.processing.encode.QualityDefaultsSweep;
import io.imgorigin.processing.encode.Ssim;

/**
 * Tries libaom options through the service's own {@link AvifWriter} on both AVIF targets at once: scenario 5 of
 * bench/run.sh (the photo resized to {@code WIDTH}: median encode time, bytes, PSNR against the full decode
 * resized with a plain Lanczos3, as {@link AvifSpeedCurve} measures them) and the "look like JPEG 80" rule of
 * {@code QualityDefaultsSweep} (mean luma SSIM over the corpus photos resized to 1200 px, here AVIF through
 * AvifWriter rather than {@code vips heifsave}, against JPEG 80 through the service's encoder on the same photos).
 *
 * <p>Each candidate is one argument {@code name:speed:q1/q2/...:key=value,key=value} (libheif parameter names,
 * e.g. {@code aom:enable-qm=1}; the options part may be empty).
 *
 * <pre>
 * java ... io.imgorigin.processing.resize.AvifTuning PHOTO.jpg PHOTOS_DIR WIDTH ROUNDS CANDIDATE...
 *   e.g. photo.jpg ../shared/corpus/photos 400 5 base:8:54/60: qm:8:54/60:aom:enable-qm=1
 * </pre>
 */
public final class AvifTuning {

    private static final int SSIM_WIDTH = 1200;

    private AvifTuning() {
    }

    public static void main(String[] args) throws Exception {
        if (!HeifLibrary.writesAvif()) {
            System.err.println("cannot write AVIF here: " + HeifLibrary.status());
            System.exit(1);
        }
        byte[] jpeg = Files.readAllBytes(Path.of(args[0]));
        Path photos = Path.of(args[1]);
        int width = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        ProcessingEngine.detect(true);

        BufferedImage resized = FastPathResults.served(jpeg, width);
        BufferedImage reference = ReferenceLanczos.resize(FastPathResults.fullDecode(jpeg), resized.getWidth(),
                resized.getHeight());

        List<Path> files;
        try (Stream<Path> list = Files.list(photos)) {
            files = list.filter(p -> p.toString().matches(".*\\.(jpe?g|png|webp)$")).sorted().toList();
        }
        List<BufferedImage> references = new ArrayList<>();
        JpegEncoder jpegEncoder = new JpegEncoder(true);
        double jpegSum = 0;
        long jpegBytes = 0;
        List<Double> jpegSsim = new ArrayList<>();
        for (Path file : files) {
            BufferedImage photo = QualityDefaultsSweep.reference(Files.readAllBytes(file), SSIM_WIDTH);
            if (photo == null) {
                continue;
            }
            references.add(photo);
            byte[] encoded = jpegEncoder.encode(photo, 80);
            jpegBytes += encoded.length;
            double s = Ssim.mean(photo, io.imgorigin.testing.TestImages.decode(encoded));
            jpegSsim.add(s);
            jpegSum += s;
        }
        double jpeg80 = jpegSum / references.size();
        System.out.printf(Locale.ROOT, "# scenario: %s at %dx%d; SSIM: %d photos at %d px, JPEG 80 mean SSIM %.5f, %d bytes in all%n",
                args[0], resized.getWidth(), resized.getHeight(), references.size(), SSIM_WIDTH, jpeg80, jpegBytes);
        System.out.println("| options | speed | q | bytes | / 9570 | PSNR dB | encode ms | mean SSIM | − JPEG 80 | photos ≥ JPEG 80 | corpus bytes / JPEG 80 | corpus encode s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c = 4; c < args.length; c++) {
            String[] parts = args[c].split(":", 4);
            String name = parts[0];
            int speed = Integer.parseInt(parts[1]);
            Map<String, String> parameters = new LinkedHashMap<>();
            if (parts.length > 3 && !parts[3].isBlank()) {
                for (String pair : parts[3].split(",")) {
                    String[] kv = pair.split("=", 2);
                    parameters.put(kv[0], kv[1]);
                }
            }
            for (String q : parts[2].split("/")) {
                int quality = Integer.parseInt(q);
                AvifWriter writer = AvifWriter.create();
                List<Double> ms = new ArrayList<>();
                byte[] avif = null;
                for (int round = 0; round <= rounds; round++) {
                    long start = System.nanoTime();
                    avif = writer.write(resized, quality, speed, 1, parameters);
                    long end = System.nanoTime();
                    if (round > 0) {
                        ms.add((end - start) / 1e6);
                    }
                }
                double db = TestImages.psnr(TestImages.opaque(AvifSpeedCurve.readAvif(avif)), reference);

                double sum = 0;
                int atLeast = 0;
                long bytes = 0;
                long start = System.nanoTime();
                List<Double> perPhoto = new ArrayList<>();
                for (BufferedImage photo : references) {
                    byte[] encoded = writer.write(photo, quality, speed, 1, parameters);
                    bytes += encoded.length;
                    double s = Ssim.mean(photo, TestImages.opaque(AvifSpeedCurve.readAvif(encoded)));
                    perPhoto.add(s);
                    sum += s;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                for (int i = 0; i < perPhoto.size(); i++) {
                    if (perPhoto.get(i) >= jpegSsim.get(i)) {
                        atLeast++;
                    }
                }
                double mean = sum / references.size();
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.2f | %.1f | %.5f | %+.5f | %d of %d | %.2f | %.1f |%n",
                        name, speed, quality, avif.length, avif.length / 9570.0, db, median(ms), mean, mean - jpeg80,
                        atLeast, references.size(), (double) bytes / jpegBytes, seconds);
                System.out.flush();
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
