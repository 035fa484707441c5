package io.imgorigin.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of the corpus's MANIFEST.tsv, with the checkable expectations its text states. */
record ManifestRow(String file, String category, String expected) {

    private static final Pattern UPRIGHT = Pattern.compile("after auto-orient (\\d+)x(\\d+)");
    private static final Pattern ASPECT = Pattern.compile("keep aspect (\\d+):(\\d+)");
    private static final Pattern OUTPUT = Pattern.compile("^decode ok; output (\\d+)x(\\d+)");
    private static final Pattern MEAN = Pattern.compile("mean sRGB \\((\\d+),(\\d+),(\\d+)\\)");
    private static final Pattern DHASH = Pattern.compile("dhash64=([0-9a-f]{16})");

    static List<ManifestRow> read(Path manifest) throws IOException {
        List<ManifestRow> rows = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(manifest)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split("\t", -1);
            rows.add(new ManifestRow(cells[0], cells[6], cells[7]));
        }
        return rows;
    }

    /** Files imgorigin must refuse: formats it does not read, and decompression bombs. */
    boolean mustBeRefused() {
        return expected.startsWith("UNSUPPORTED") || (category.equals("bombs") && !expected.startsWith("large but valid"));
    }

    /** Whether libvips, the reference decoder, decodes the file (what the 95 % coverage goal counts). */
    boolean referenceDecodes() {
        if (mustBeRefused() || category.equals("bombs")) {
            return false;
        }
        return expected.startsWith("decode ok") || expected.startsWith("animated:") || expected.startsWith("APNG")
                || expected.startsWith("static PNG") || expected.contains("lenient decode ok")
                || expected.contains("should decode ok") || expected.contains(": decode ok");
    }

    /** The upright width:height the output must keep, when the manifest states it. */
    Optional<int[]> uprightAspect() {
        for (Pattern pattern : List.of(UPRIGHT, ASPECT, OUTPUT)) {
            Matcher m = pattern.matcher(expected);
            if (m.find()) {
                return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            }
        }
        return Optional.empty();
    }

    /** Reference mean colour, for rows whose decode is expected to succeed. */
    Optional<int[]> meanRgb() {
        if (!expected.startsWith("decode ok") && !category.equals("color")) {
            return Optional.empty();
        }
        Matcher m = MEAN.matcher(expected);
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))}) : Optional.empty();
    }

    Optional<Long> dhash() {
        Matcher m = DHASH.matcher(expected);
        return m.find() ? Optional.of(Long.parseUnsignedLong(m.group(1), 16)) : Optional.empty();
    }

    boolean alphaPresent() {
        return expected.contains("alpha present");
    }
}
