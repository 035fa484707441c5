package io.imgorigin.fuzz;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * The seeded mutation loop the fuzz tests share: a fixed number of mutants of the seed files, each handed to
 * a target that must give an image or refuse it (415/422) within a time bound. Anything else is recorded
 * with the seed that made it, so a failure can be replayed.
 */
final class PipelineFuzzing {

    /** What a run came to. */
    record Outcome(int served, int refused, List<String> escaped) {

        String summary(int mutants) {
            return mutants + " mutants, " + served + " served, " + refused + " refused, " + escaped.size() + " escaped";
        }
    }

    /** One mutant handed to the code under test, with a query drawn for it. */
    record Mutant(byte[] bytes, String query, Random random) {
    }

    private PipelineFuzzing() {
    }

    /**
     * @param target     decodes a mutant; returns the image or throws a refusal
     * @param perMutant  the longest a mutant may take, or null for no bound
     */
    static Outcome run(List<byte[]> seeds, String[] queries, int mutants, long seed, Duration perMutant,
            Function<Mutant, ProcessedImage> target) {
        Random random = new Random(seed);
        List<String> escaped = new ArrayList<>();
        int served = 0;
        int refused = 0;
        for (int i = 0; i < mutants; i++) {
            int seedIndex = random.nextInt(seeds.size());
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            long mutantSeed = random.nextLong();
            byte[] bytes = mutation.apply(seeds.get(seedIndex), new Random(mutantSeed));
            String query = queries[random.nextInt(queries.length)];
            String origin = mutation + " of input " + seedIndex + " (seed " + mutantSeed + ", " + query + ")";
            long started = System.nanoTime();
            try {
                ProcessedImage image = target.apply(new Mutant(bytes, query, random));
                if (image.bytes().length == 0) {
                    escaped.add(origin + ": an empty image");
                }
                served++;
            } catch (UnsupportedImageException | UnusableImageException e) {
                refused++;
            } catch (RuntimeException | Error e) {
                escaped.add(origin + ": " + e + " at "
                        + Arrays.stream(e.getStackTrace()).limit(12).map(String::valueOf).toList());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (perMutant != null && took.compareTo(perMutant) > 0) {
                escaped.add(origin + ": took " + took);
            }
        }
        return new Outcome(served, refused, escaped);
    }

    /** A gradient with a disc: content every codec compresses in a different way. */
    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(200, 30, 40, 255), width, height, new Color(20, 90, 220, 120)));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.YELLOW);
            g.fillOval(width / 4, height / 4, width / 2, height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** What is done to a valid file. */
    enum Mutation {
        FLIP_BITS {
            @Override
            byte[] apply(byte[] seed, Random random) {
                byte[] out = seed.clone();
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    int at = random.nextInt(out.length);
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
        },
        OVERWRITE_HEADER_BYTE {
            @Override
            byte[] apply(byte[] seed, Random random) {
                byte[] out = seed.clone();
                int at = random.nextInt(Math.min(out.length, 96));
                out[at] = (byte) switch (random.nextInt(3)) {
                    case 0 -> 0x00;
                    case 1 -> 0xFF;
                    default -> random.nextInt(256);
                };
                return out;
            }
        },
        INFLATE_LENGTH {
            @Override
            byte[] apply(byte[] seed, Random random) {
                byte[] out = seed.clone();
                int at = random.nextInt(Math.max(1, Math.min(out.length - 4, 200)));
                Arrays.fill(out, at, Math.min(out.length, at + 2 + random.nextInt(3)), (byte) 0xFF);
                return out;
            }
        },
        REPEAT_SLICE {
            @Override
            byte[] apply(byte[] seed, Random random) {
                int from = random.nextInt(seed.length);
                int length = Math.min(seed.length - from, 1 + random.nextInt(64));
                int to = random.nextInt(seed.length);
                byte[] out = new byte[seed.length + length];
                System.arraycopy(seed, 0, out, 0, to);
                System.arraycopy(seed, from, out, to, length);
                System.arraycopy(seed, to, out, to + length, seed.length - to);
                return out;
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] seed, Random random) {
                return Arrays.copyOf(seed, random.nextInt(seed.length));
            }
        };

        abstract byte[] apply(byte[] seed, Random random);
    }
}
