package io.imgorigin.codec.heif;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a HEIF file (AVIF, HEIC) says of its primary image in its boxes, read without decoding: the
 * brand, the size after the item's own transformations (ispe, then clap and irot in property order, as
 * libheif applies them), alpha (an auxiliary alpha image), an ICC profile, and how many items the file
 * declares. Boxes that run past their parent or the file, and counts that do not fit, make the file
 * unreadable ({@link Optional#empty()}) rather than guessed at.
 *
 * @param avif          whether the file is AVIF (AV1 coded) rather than HEIC (HEVC)
 * @param width         width of the primary image as displayed
 * @param height        height of the primary image as displayed
 * @param codedPixels   the largest pixel area of any item's ispe (a grid's tiles and thumbnails included)
 * @param items         items the file declares
 * @param alpha         whether an alpha auxiliary image belongs to the primary image
 * @param iccProfile    the primary image's ICC profile, or null
 */
public record HeifStructure(boolean avif, int width, int height, long codedPixels, int items, boolean alpha,
        byte[] iccProfile) {

    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "heif",
            "mif1", "msf1");
    private static final int MAX_ITEMS = 100_000;

    /** Whether the bytes start with an ftyp box whose brands name a still HEIF or AVIF image. */
    public static boolean matches(byte[] bytes) {
        return brand(bytes) != null;
    }

    /** "avif" or "heic" as the ftyp box's brands say, or null when they name neither. */
    public static String brand(byte[] bytes) {
        if (bytes.length < 16 || !type(bytes, 4).equals("ftyp")) {
            return null;
        }
        long size = u32(bytes, 0);
        if (size < 16 || size > bytes.length || size > 4096) {
            return null;
        }
        List<String> brands = new ArrayList<>();
        brands.add(type(bytes, 8));
        for (int at = 16; at + 4 <= size; at += 4) {
            brands.add(type(bytes, at));
        }
        if (AVIF_BRANDS.contains(brands.getFirst())) {
            return "avif";
        }
        if (HEIC_BRANDS.contains(brands.getFirst())) {
            return brands.stream().anyMatch(AVIF_BRANDS::contains) && !brands.contains("heic") ? "avif" : "heic";
        }
        if (brands.stream().anyMatch(AVIF_BRANDS::contains)) {
            return "avif";
        }
        if (brands.stream().anyMatch(HEIC_BRANDS::contains)) {
            return "heic";
        }
        return null;
    }

    /** The structure of the file, or empty when its boxes are truncated, inconsistent or lack the primary's size. */
    public static Optional<HeifStructure> parse(byte[] bytes) {
        String brand = brand(bytes);
        if (brand == null) {
            return Optional.empty();
        }
        try {
            return new Parser(bytes).parse(brand.equals("avif"));
        } catch (IndexOutOfBoundsException | IllegalStateException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** One property of an ipco box: its type and where its payload lies. */
    private record Property(String type, int start, int end) {
    }

    private static final class Parser {

        private final byte[] bytes;
        private int primary = -1;
        private int items = 0;
        private final Map<Integer, String> itemTypes = new HashMap<>();
        private final List<Property> properties = new ArrayList<>();
        private final Map<Integer, List<Integer>> associations = new HashMap<>();
        /** The auxl references, {from, to}: auxiliary images and the images they belong to. */
        private final List<int[]> auxiliaries = new ArrayList<>();

        Parser(byte[] bytes) {
            this.bytes = bytes;
        }

        Optional<HeifStructure> parse(boolean avif) {
            int at = 0;
            boolean meta = false;
            while (at + 8 <= bytes.length) {
                long[] box = box(at, bytes.length);
                if (type(bytes, at + 4).equals("meta")) {
                    meta(at + (int) box[0] + 4, at + (int) box[1]);
                    meta = true;
                }
                at += (int) box[1];
            }
            if (!meta || primary < 0) {
                return Optional.empty();
            }
            int[] size = null;
            long coded = 0;
            for (Map.Entry<Integer, List<Integer>> item : associations.entrySet()) {
                for (int index : item.getValue()) {
                    Property property = property(index);
                    if (property != null && property.type().equals("ispe")) {
                        long w = u32(bytes, property.start() + 4);
                        long h = u32(bytes, property.start() + 8);
                        coded = Math.max(coded, Math.multiplyExact(w, h));
                    }
                }
            }
            byte[] icc = null;
            for (int index : associations.getOrDefault(primary, List.of())) {
                Property property = property(index);
                if (property == null) {
                    continue;
                }
                switch (property.type()) {
                    case "ispe" -> size = new int[] {positive(u32(bytes, property.start() + 4)),
                            positive(u32(bytes, property.start() + 8))};
                    case "clap" -> {
                        if (size != null) {
                            size = new int[] {fraction(property.start()), fraction(property.start() + 8)};
                        }
                    }
                    case "irot" -> {
                        if (size != null && (bytes[property.start()] & 1) == 1) {
                            size = new int[] {size[1], size[0]};
                        }
                    }
                    case "colr" -> {
                        String colourType = type(bytes, property.start());
                        if ((colourType.equals("prof") || colourType.equals("rICC")) && icc == null) {
                            icc = java.util.Arrays.copyOfRange(bytes, property.start() + 4, property.end());
                        }
                    }
                    default -> {
                    }
                }
            }
            if (size == null) {
                return Optional.empty();
            }
            return Optional.of(new HeifStructure(avif, size[0], size[1], Math.max(coded, (long) size[0] * size[1]),
                    items, hasAlpha(), icc));
        }

        private boolean hasAlpha() {
            for (int[] reference : auxiliaries) {
                if (reference[1] != primary) {
                    continue;
                }
                for (int index : associations.getOrDefault(reference[0], List.of())) {
                    Property property = property(index);
                    if (property != null && property.type().equals("auxC")) {
                        String urn = cString(property.start() + 4, property.end());
                        if (urn.equals("urn:mpeg:mpegB:cicp:systems:auxiliary:alpha")
                                || urn.equals("urn:mpeg:hevc:2015:auxid:1")) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private Property property(int index) {
            return index >= 1 && index <= properties.size() ? properties.get(index - 1) : null;
        }

        private void meta(int start, int end) {
            int at = start;
            while (at + 8 <= end) {
                long[] box = box(at, end);
                int payload = at + (int) box[0];
                int boxEnd = at + (int) box[1];
                switch (type(bytes, at + 4)) {
                    case "pitm" -> primary = version(payload) == 0 ? u16(payload + 4) : (int) u32(bytes, payload + 4);
                    case "iinf" -> iinf(payload, boxEnd);
                    case "iprp" -> iprp(payload, boxEnd);
                    case "iref" -> iref(payload, boxEnd);
                    default -> {
                    }
                }
                at = boxEnd;
            }
        }

        private void iinf(int payload, int end) {
            int version = version(payload);
            long count = version == 0 ? u16(payload + 4) : u32(bytes, payload + 4);
            if (count > MAX_ITEMS) {
                throw new IllegalStateException("too many items");
            }
            items = (int) count;
            int at = payload + 4 + (version == 0 ? 2 : 4);
            while (at + 8 <= end) {
                long[] box = box(at, end);
                if (type(bytes, at + 4).equals("infe")) {
                    int p = at + (int) box[0];
                    int v = version(p);
                    if (v >= 2) {
                        int id = v == 2 ? u16(p + 4) : (int) u32(bytes, p + 4);
                        int typeAt = p + 4 + (v == 2 ? 2 : 4) + 2;
                        itemTypes.put(id, type(bytes, typeAt));
                    }
                }
                at += (int) box[1];
            }
        }

        private void iprp(int start, int end) {
            int at = start;
            while (at + 8 <= end) {
                long[] box = box(at, end);
                int payload = at + (int) box[0];
                int boxEnd = at + (int) box[1];
                if (type(bytes, at + 4).equals("ipco")) {
                    int p = payload;
                    while (p + 8 <= boxEnd) {
                        long[] property = box(p, boxEnd);
                        String type = type(bytes, p + 4);
                        // ispe, auxC and pixi are full boxes; their payload starts after version and flags.
                        properties.add(new Property(type, p + (int) property[0], p + (int) property[1]));
                        p += (int) property[1];
                    }
                } else if (type(bytes, at + 4).equals("ipma")) {
                    ipma(payload, boxEnd);
                }
                at = boxEnd;
            }
        }

        private void ipma(int payload, int end) {
            int version = version(payload);
            boolean wide = (bytes[payload + 3] & 1) != 0;
            long count = u32(bytes, payload + 4);
            if (count > MAX_ITEMS) {
                throw new IllegalStateException("too many associations");
            }
            int at = payload + 8;
            for (long i = 0; i < count; i++) {
                int id = version < 1 ? u16(at) : (int) u32(bytes, at);
                at += version < 1 ? 2 : 4;
                int n = bytes[at++] & 0xFF;
                List<Integer> indices = associations.computeIfAbsent(id, key -> new ArrayList<>());
                for (int j = 0; j < n; j++) {
                    int index = wide ? u16(at) & 0x7FFF : bytes[at] & 0x7F;
                    at += wide ? 2 : 1;
                    indices.add(index);
                }
                if (at > end) {
                    throw new IllegalStateException("ipma runs past its box");
                }
            }
        }

        private void iref(int payload, int end) {
            int version = version(payload);
            int at = payload + 4;
            while (at + 8 <= end) {
                long[] box = box(at, end);
                int p = at + (int) box[0];
                if (type(bytes, at + 4).equals("auxl")) {
                    int from = version == 0 ? u16(p) : (int) u32(bytes, p);
                    p += version == 0 ? 2 : 4;
                    int count = u16(p);
                    p += 2;
                    for (int i = 0; i < count && i < MAX_ITEMS; i++) {
                        int to = version == 0 ? u16(p) : (int) u32(bytes, p);
                        p += version == 0 ? 2 : 4;
                        auxiliaries.add(new int[] {from, to});
                    }
                }
                at += (int) box[1];
            }
        }

        /** A clap fraction's rounding as libheif does it: (n + d/2) / d. */
        private int fraction(int at) {
            long n = (int) u32(bytes, at);
            long d = (int) u32(bytes, at + 4);
            if (d <= 0 || n <= 0) {
                throw new IllegalStateException("bad clean aperture");
            }
            return positive((n + d / 2) / d);
        }

        private int version(int payload) {
            return bytes[payload] & 0xFF;
        }

        private int u16(int at) {
            return (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
        }

        private String cString(int start, int end) {
            int stop = start;
            while (stop < end && bytes[stop] != 0) {
                stop++;
            }
            return new String(bytes, start, stop - start, StandardCharsets.ISO_8859_1);
        }

        /** {header length, total length} of the box at {@code at}, which must end by {@code end}. */
        private long[] box(int at, int end) {
            long size = u32(bytes, at);
            int header = 8;
            if (size == 1) {
                size = u64(at + 8);
                header = 16;
            } else if (size == 0) {
                size = end - at;
            }
            if (size < header || at + size > end) {
                throw new IllegalStateException("a box runs past its parent");
            }
            return new long[] {header, size};
        }

        private long u64(int at) {
            long high = u32(bytes, at);
            long low = u32(bytes, at + 4);
            if (high != 0) {
                throw new IllegalStateException("box too large");
            }
            return low;
        }

        private static int positive(long value) {
            if (value <= 0 || value > Integer.MAX_VALUE) {
                throw new IllegalStateException("size out of range");
            }
            return (int) value;
        }
    }

    private static long u32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                | (bytes[at + 3] & 0xFF);
    }

    private static String type(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }
}
