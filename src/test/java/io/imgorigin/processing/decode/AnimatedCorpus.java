package io.imgorigin.processing.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The animated GIFs and WebPs of the shared corpus with what its manifest states of them: frame count,
 * canvas, loop count (plays, 0 for ever), the first delays, and the first frame's mean sRGB colour (its
 * transparent pixels taken as white).
 */
public record AnimatedCorpus(Path file, int frames, int width, int height, int loop, int[] firstDelays,
        int[] firstFrameMean) {

    public static final Path ROOT = Path.of("../shared/corpus");

    private static final Pattern ANIMATION = Pattern.compile(
            "animated: (\\d+) frames of (\\d+)x(\\d+), loop=(\\d+), delays\\(ms\\) ([\\d ]+)");
    private static final Pattern MEAN = Pattern.compile("first frame: mean sRGB \\((\\d+),(\\d+),(\\d+)\\)");

    /** Every animated GIF or WebP the manifest describes, or none when the corpus is absent. */
    public static List<AnimatedCorpus> entries() throws IOException {
        Path manifest = ROOT.resolve("MANIFEST.tsv");
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        List<AnimatedCorpus> entries = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            String[] fields = line.split("\t");
            if (line.startsWith("#") || fields.length < 8 || !fields[0].startsWith("animated/")
                    || !(fields[0].endsWith(".gif") || fields[0].endsWith(".webp"))) {
                continue;
            }
            Matcher m = ANIMATION.matcher(fields[7]);
            Matcher mean = MEAN.matcher(fields[7]);
            if (m.find() && mean.find() && Files.isRegularFile(ROOT.resolve(fields[0]))) {
                int[] delays = Arrays.stream(m.group(5).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
                entries.add(new AnimatedCorpus(ROOT.resolve(fields[0]), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), delays,
                        new int[] {Integer.parseInt(mean.group(1)), Integer.parseInt(mean.group(2)),
                            Integer.parseInt(mean.group(3))}));
            }
        }
        return entries;
    }

    public boolean isGif() {
        return file.toString().endsWith(".gif");
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
