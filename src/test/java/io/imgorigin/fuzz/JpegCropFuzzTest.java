package io.imgorigin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.imgorigin.codec.turbojpeg.JpegCropper;
import io.imgorigin.codec.turbojpeg.JpegTestImages;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.Geometry;

/**
 * Seeded mutation fuzzing of the JPEG crop path: libjpeg-turbo's transform is given damaged JPEGs (bits
 * flipped, header bytes overwritten, lengths inflated, tails cut off) and regions in and out of range, then
 * whole requests with {@code crop} run through the pipeline. The transform must give a JPEG, null or an
 * IllegalArgumentException, the pipeline an image or a 415/422; the JVM must survive. The counts are
 * fixed, so the run is bounded and repeatable. Skipped where libturbojpeg is missing.
 */
class JpegCropFuzzTest {

    private static final int TRANSFORM_MUTANTS = 3000;
    private static final int PIPELINE_MUTANTS = 600;
    private static final long SEED = 20261204L;

    @Test
    void damagedJpegsAreCroppedOrRefusedNeverCrash() {
        assumeTrue(JpegCropper.available(), "libturbojpeg's transform functions are not there");
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        int cropped = 0;
        for (int i = 0; i < TRANSFORM_MUTANTS; i++) {
            byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            boolean inRange = random.nextInt(4) != 0;
            int x = inRange ? random.nextInt(100) : random.nextInt(300) - 20;
            int y = inRange ? random.nextInt(80) : random.nextInt(300) - 20;
            int w = inRange ? 1 + random.nextInt(20) : random.nextInt(260) - 5;
            int h = inRange ? 1 + random.nextInt(10) : random.nextInt(260) - 5;
            try {
                JpegCropper.Cropped result = JpegCropper.crop(mutant, x, y, w, h);
                if (result != null) {
                    cropped++;
                    assertThat(result.jpeg().length).as("mutant %d", i).isGreaterThan(3);
                    assertThat(result.x()).isLessThanOrEqualTo(x);
                    assertThat(result.width()).isGreaterThanOrEqualTo(w);
                }
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as("mutant %d", i).contains("does not lie within");
            }
        }
        assertThat(cropped).as("some mutants still crop").isGreaterThan(TRANSFORM_MUTANTS / 50);
    }

    @Test
    void damagedJpegsWithCropAreServedOrRefused() {
        ProcessingEngine.detect(true);
        ImagePipeline pipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192),
                50_000_000L, 1000, new MemoryBudget(512L << 20, Duration.ofSeconds(5)), true), StageObserver.NONE);
        OptionsParser parser = new OptionsParser(8192, 80);
        String[] queries = {"crop=16,16,64,48&w=20", "crop=3,5,100,90&rot=90&f=png", "crop=0,0,8,8", "crop=40,30,500,500&w=30&h=30",
                "crop=64,32,128,96&w=16&flip=h"};
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED + 1);
        int served = 0;
        for (int i = 0; i < PIPELINE_MUTANTS; i++) {
            byte[] mutant = random.nextInt(10) == 0 ? seeds.get(random.nextInt(seeds.size()))
                    : mutate(seeds.get(random.nextInt(seeds.size())), random);
            String query = queries[random.nextInt(queries.length)];
            try {
                ProcessedImage image = pipeline.process(mutant, new ProcessingRequest(parser.parse(query).options(),
                        false, Deadline.after(Duration.ofSeconds(30))));
                assertThat(image.bytes().length).as("mutant %d %s", i, query).isPositive();
                served++;
            } catch (UnsupportedImageException | UnusableImageException | InvalidOptionException e) {
                assertThat(e.getMessage()).as("mutant %d %s", i, query).isNotBlank();
            }
        }
        assertThat(served).as("some mutants are still served").isPositive();
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(JpegTestImages.javaJpeg(JpegTestImages.photo(200, 160, BufferedImage.TYPE_INT_RGB), 0.85f, false));
        seeds.add(JpegTestImages.javaJpeg(JpegTestImages.photo(203, 157, BufferedImage.TYPE_INT_RGB), 0.7f, true));
        seeds.add(JpegTestImages.javaJpeg(JpegTestImages.photo(120, 90, BufferedImage.TYPE_BYTE_GRAY), 0.8f, false));
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = 2 + random.nextInt(Math.min(600, bytes.length - 2));
                bytes[at] = (byte) random.nextInt(256);
            }
            case 2 -> {
                // A segment length or a size field blown up.
                int at = 2 + random.nextInt(Math.min(400, bytes.length - 4));
                bytes[at] = (byte) 0xFF;
                bytes[at + 1] = (byte) 0xFF;
            }
            case 3 -> bytes = java.util.Arrays.copyOf(bytes, 2 + random.nextInt(bytes.length - 2));
            default -> {
                int at = random.nextInt(bytes.length - 40);
                byte[] slice = java.util.Arrays.copyOfRange(bytes, at, at + 1 + random.nextInt(39));
                byte[] longer = new byte[bytes.length + slice.length];
                System.arraycopy(bytes, 0, longer, 0, at);
                System.arraycopy(slice, 0, longer, at, slice.length);
                System.arraycopy(bytes, at, longer, at + slice.length, bytes.length - at);
                bytes = longer;
            }
        }
        return bytes;
    }

}
