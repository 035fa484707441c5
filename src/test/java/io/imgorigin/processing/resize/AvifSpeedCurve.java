package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.imgorigin.codec.libheif.AvifWriter;
import io.imgorigin.codec.libheif.HeifImageReaderSpi;
import io.imgorigin.codec.libheif.HeifLibrary;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.format.OutputFormats;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.probe.Geometry;

/**
 * The AVIF speed curve of bench/avif-curve.sh: for each libaom speed and quality, what {@code f=avif&w=W}
 * costs and gives through the service's pipeline. Per row: the median time of the AVIF encode alone (libheif
 * on the resized pixels, one thread, as the service encodes) and of the whole pipeline (decode, resize,
 * encode), the bytes, and PSNR of the decoded file against a full decode resized with a plain Lanczos3, the
 * reference of the other quality figures. An AVIF made by another encoder (sharp's) can be given to be
 * measured against the same reference.
 *
 * <pre>
 * java ... io.imgorigin.processing.resize.AvifSpeedCurve PHOTO.jpg WIDTH SPEEDS QUALITIES ROUNDS [OTHER.avif]
 *   e.g. photo.jpg 400 4,5,6,7,8,9 60 9 sharp.avif
 * </pre>
 */
public final class AvifSpeedCurve {

    private AvifSpeedCurve() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: AvifSpeedCurve PHOTO.jpg WIDTH SPEEDS QUALITIES ROUNDS [OTHER.avif]");
            System.exit(2);
        }
        if (!HeifLibrary.writesAvif()) {
            System.err.println("cannot write AVIF here: " + HeifLibrary.status());
            System.exit(1);
        }
        byte[] jpeg = Files.readAllBytes(Path.of(args[0]));
        int width = Integer.parseInt(args[1]);
        int[] speeds = ints(args[2]);
        int[] qualities = ints(args[3]);
        int rounds = Integer.parseInt(args[4]);
        ProcessingEngine.detect(true);

        // The pixels the encoder gets: the service's own resize, losslessly as PNG.
        BufferedImage resized = FastPathResults.served(jpeg, width);
        BufferedImage reference = ReferenceLanczos.resize(FastPathResults.fullDecode(jpeg), resized.getWidth(),
                resized.getHeight());
        System.out.printf(Locale.ROOT, "# %s at %dx%d; resized pixels before encoding: %.2f dB%n", args[0],
                resized.getWidth(), resized.getHeight(), TestImages.psnr(resized, reference));

        long otherBytes = 0;
        double otherDb = Double.NaN;
        if (args.length > 5) {
            byte[] other = Files.readAllBytes(Path.of(args[5]));
            BufferedImage decoded = TestImages.opaque(readAvif(other));
            if (decoded.getWidth() != resized.getWidth() || decoded.getHeight() != resized.getHeight()) {
                throw new IllegalStateException("the other AVIF is " + decoded.getWidth() + "x" + decoded.getHeight());
            }
            otherBytes = other.length;
            otherDb = TestImages.psnr(decoded, reference);
            System.out.printf(Locale.ROOT, "# other: %s, %d bytes, %.2f dB%n", args[5], otherBytes, otherDb);
        }

        // JPEG at 80 through the same pipeline: the yardstick the AVIF default quality is meant to look like.
        ImagePipeline jpegPipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192),
                50_000_000L, 1000, new MemoryBudget(512L << 20, Duration.ofSeconds(5)), true), StageObserver.NONE);
        byte[] jpeg80 = jpegPipeline.process(jpeg, new ProcessingRequest(
                new OptionsParser(8192, 80).parse("w=" + width + "&f=jpeg&q=80").options(), false,
                Deadline.after(Duration.ofMinutes(1)))).bytes();
        System.out.printf(Locale.ROOT, "# jpeg q80: %d bytes, %.2f dB%n", jpeg80.length,
                TestImages.psnr(FastPathResults.fullDecode(jpeg80), reference));

        System.out.println("| q | speed | encode ms (median) | pipeline ms (median) | bytes | bytes / other | PSNR dB | PSNR − other |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int quality : qualities) {
            for (int speed : speeds) {
                ImagePipeline pipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192),
                        50_000_000L, 1000, new MemoryBudget(512L << 20, Duration.ofSeconds(5)), true,
                        OutputFormats.all(), speed, quality), StageObserver.NONE);
                var options = new OptionsParser(8192, 80).parse("w=" + width + "&f=avif&q=" + quality).options();
                List<Double> encodeMs = new ArrayList<>();
                List<Double> pipelineMs = new ArrayList<>();
                byte[] avif = null;
                // One untimed round first: the JIT and libaom's tables.
                for (int round = 0; round <= rounds; round++) {
                    long start = System.nanoTime();
                    byte[] encoded = AvifWriter.create().write(resized, quality, speed, 1);
                    long encoded1 = System.nanoTime();
                    ProcessedImage served = pipeline.process(jpeg, new ProcessingRequest(options, false,
                            Deadline.after(Duration.ofMinutes(1))));
                    long end = System.nanoTime();
                    if (!Arrays.equals(encoded, served.bytes())) {
                        throw new IllegalStateException("the pipeline's AVIF differs from the encoder's on its pixels");
                    }
                    avif = served.bytes();
                    if (round > 0) {
                        encodeMs.add((encoded1 - start) / 1e6);
                        pipelineMs.add((end - encoded1) / 1e6);
                    }
                }
                double db = TestImages.psnr(TestImages.opaque(readAvif(avif)), reference);
                System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %d | %s | %.2f | %s |%n", quality, speed,
                        median(encodeMs), median(pipelineMs), avif.length,
                        otherBytes > 0 ? String.format(Locale.ROOT, "%.2f", (double) avif.length / otherBytes) : "–",
                        db, Double.isNaN(otherDb) ? "–" : String.format(Locale.ROOT, "%+.2f", db - otherDb));
            }
        }
    }

    static BufferedImage readAvif(byte[] avif) throws IOException {
        ImageReader reader = new HeifImageReaderSpi().createReaderInstance(null);
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(avif))) {
            reader.setInput(input, true, true);
            return reader.read(0, null);
        } finally {
            reader.dispose();
        }
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
