package io.imgorigin.processing.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * The directory structure of a TIFF stream (a TIFF file, or the EXIF block of a JPEG, PNG or WebP),
 * classic or BigTIFF, either byte order. Offsets are relative to {@code base}; every read is bounded,
 * so malformed offsets give a 422 instead of an exception, and directory chains are followed with
 * loop detection.
 */
public final class TiffStructure {

    public static final int TAG_WIDTH = 256;
    public static final int TAG_LENGTH = 257;
    public static final int TAG_ORIENTATION = 274;
    public static final int TAG_EXTRA_SAMPLES = 338;
    public static final int TAG_ICC_PROFILE = 34675;

    private static final int MAX_ENTRIES = 4096;

    /** One directory entry; {@code field} is the absolute position of its value-or-offset field. */
    public record Entry(int tag, int type, long count, long field) {
    }

    private final byte[] data;
    private final int base;
    private final boolean littleEndian;
    private final boolean bigTiff;

    private TiffStructure(byte[] data, int base, boolean littleEndian, boolean bigTiff) {
        this.data = data;
        this.base = base;
        this.littleEndian = littleEndian;
        this.bigTiff = bigTiff;
    }

    public static boolean hasMagic(byte[] data, int base) {
        return HeaderBytes.startsWith(data, base, "II*\0") || HeaderBytes.startsWith(data, base, "MM\0*")
                || HeaderBytes.startsWith(data, base, "II+\0") || HeaderBytes.startsWith(data, base, "MM\0+");
    }

    public static TiffStructure at(byte[] data, int base) {
        if (!hasMagic(data, base)) {
            throw new UnusableImageException("the TIFF header is truncated or corrupt");
        }
        boolean little = data[base] == 'I';
        boolean big = data[base + 2] == '+' || data[base + 3] == '+';
        return new TiffStructure(data, base, little, big);
    }

    public long firstDirectory() {
        return bigTiff ? u64(base + 8) : u32(base + 4);
    }

    public List<Entry> directory(long offset) {
        long position = base + offset;
        long count = entryCount(offset);
        if (count > MAX_ENTRIES) {
            throw corrupt();
        }
        long first = position + (bigTiff ? 8 : 2);
        int entrySize = bigTiff ? 20 : 12;
        HeaderBytes.require(data, first, count * entrySize, "TIFF");
        List<Entry> entries = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long at = first + i * entrySize;
            long entryCount = bigTiff ? u64(at + 4) : u32(at + 4);
            entries.add(new Entry(u16(at), u16(at + 2), entryCount, at + (bigTiff ? 12 : 8)));
        }
        return entries;
    }

    /** The offset of the directory after the one at {@code offset}, 0 when it is the last. */
    public long nextDirectory(long offset) {
        long entries = entryCount(offset);
        if (entries > MAX_ENTRIES) {
            throw corrupt();
        }
        return linkAfter(offset, entries);
    }

    /** How many directories the chain from the first one holds, counting no further than {@code cap + 1}. */
    int countDirectories(int cap) {
        Set<Long> seen = new HashSet<>();
        long offset = firstDirectory();
        int count = 0;
        try {
            while (offset != 0 && count <= cap && seen.add(offset)) {
                long entries = entryCount(offset);
                if (entries > MAX_ENTRIES) {
                    break;
                }
                count++;
                offset = linkAfter(offset, entries);
            }
        } catch (UnusableImageException e) {
            // A broken link after the first page leaves the pages before it usable.
        }
        return Math.max(count, 1);
    }

    private long entryCount(long directory) {
        long position = base + directory;
        return bigTiff ? u64(position) : u16(position);
    }

    /** The link to the next directory, after the entries of this one. */
    private long linkAfter(long directory, long entries) {
        long next = base + directory + (bigTiff ? 8 + entries * 20 : 2 + entries * 12);
        return bigTiff ? u64(next) : u32(next);
    }

    /** The first value of a numeric entry (BYTE, SHORT, LONG, LONG8). */
    public long number(Entry entry) {
        return switch (entry.type()) {
            case 1, 7 -> HeaderBytes.u8(data, valuePosition(entry, 1), "TIFF");
            case 3 -> u16(valuePosition(entry, 2));
            case 4, 13 -> u32(valuePosition(entry, 4));
            case 16, 18 -> u64(valuePosition(entry, 8));
            default -> throw corrupt();
        };
    }

    /** The raw bytes of an entry, or null when there are more than {@code maxBytes}. */
    byte[] bytes(Entry entry, int maxBytes) {
        if (entry.count() < 0 || entry.count() > maxBytes) {
            return null;
        }
        long position = valuePosition(entry, 1);
        HeaderBytes.require(data, position, entry.count(), "TIFF");
        byte[] copy = new byte[(int) entry.count()];
        System.arraycopy(data, (int) position, copy, 0, copy.length);
        return copy;
    }

    private long valuePosition(Entry entry, int unitSize) {
        long inline = bigTiff ? 8 : 4;
        if (entry.count() < 0 || entry.count() > Long.MAX_VALUE / 16) {
            throw corrupt();
        }
        if (entry.count() * unitSize <= inline) {
            return entry.field();
        }
        return base + (bigTiff ? u64(entry.field()) : u32(entry.field()));
    }

    private int u16(long position) {
        return littleEndian ? HeaderBytes.u16le(data, position, "TIFF") : HeaderBytes.u16be(data, position, "TIFF");
    }

    private long u32(long position) {
        return littleEndian ? HeaderBytes.u32le(data, position, "TIFF") : HeaderBytes.u32be(data, position, "TIFF");
    }

    private long u64(long position) {
        long low = littleEndian ? u32(position) : u32(position + 4);
        long high = littleEndian ? u32(position + 4) : u32(position);
        if (high > Integer.MAX_VALUE) {
            throw corrupt();
        }
        return high << 32 | low;
    }

    private static UnusableImageException corrupt() {
        return new UnusableImageException("the TIFF header is truncated or corrupt");
    }
}
