package io.imgorigin.processing.info;

import java.awt.Dimension;

/**
 * The JPEG preview that cameras and phones store in the EXIF block of a JPEG (IFD1's
 * JPEGInterchangeFormat), typically 160×120, in the same stored orientation as the main image. Every read
 * is bounded by the APP1 segment that holds it; anything malformed means no preview.
 *
 * @param bytes the preview's own JPEG stream
 * @param size  its size as its frame header declares it
 */
record ExifThumbnail(byte[] bytes, Dimension size) {

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;
    private static final int MAX_SEGMENTS = 64;
    private static final int TAG_OFFSET = 0x0201;
    private static final int TAG_LENGTH = 0x0202;
    private static final int MAX_ENTRIES = 512;

    /** The preview of a JPEG, or null when it has none that parses. */
    static ExifThumbnail find(byte[] jpeg) {
        try {
            int position = 2;
            for (int segment = 0; segment < MAX_SEGMENTS && position + 4 <= jpeg.length; segment++) {
                if (u8(jpeg, position) != 0xFF) {
                    return null;
                }
                int marker = u8(jpeg, position + 1);
                if (marker == 0xFF) {
                    position++;
                    continue;
                }
                if (marker == SOS || marker == EOI) {
                    return null;
                }
                int length = u16be(jpeg, position + 2);
                int body = position + 4;
                int end = position + 2 + length;
                if (length < 2 || end > jpeg.length) {
                    return null;
                }
                if (marker == APP1 && startsWith(jpeg, body, "Exif\0\0")) {
                    return fromExif(jpeg, body + 6, end);
                }
                position = end;
            }
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
        return null;
    }

    /** Reads IFD1 of the TIFF structure at {@code base}, all within [base, end). */
    private static ExifThumbnail fromExif(byte[] data, int base, int end) {
        Tiff tiff = Tiff.at(data, base, end);
        if (tiff == null) {
            return null;
        }
        long first = tiff.u32(4);
        long next = tiff.nextDirectory(first);
        if (next <= 0) {
            return null;
        }
        int entries = tiff.u16(next);
        if (entries > MAX_ENTRIES) {
            return null;
        }
        long offset = -1;
        long length = -1;
        for (int i = 0; i < entries; i++) {
            long entry = next + 2 + 12L * i;
            int tag = tiff.u16(entry);
            if (tag == TAG_OFFSET) {
                offset = tiff.number(entry);
            } else if (tag == TAG_LENGTH) {
                length = tiff.number(entry);
            }
        }
        if (offset <= 0 || length <= 4 || base + offset + length > end) {
            return null;
        }
        byte[] bytes = new byte[(int) length];
        System.arraycopy(data, (int) (base + offset), bytes, 0, bytes.length);
        Dimension size = frameSize(bytes);
        return size == null ? null : new ExifThumbnail(bytes, size);
    }

    /** The size a baseline, extended or progressive Huffman frame header declares, or null. */
    private static Dimension frameSize(byte[] jpeg) {
        if (u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != SOI) {
            return null;
        }
        int position = 2;
        for (int segment = 0; segment < MAX_SEGMENTS && position + 4 <= jpeg.length; segment++) {
            if (u8(jpeg, position) != 0xFF) {
                return null;
            }
            int marker = u8(jpeg, position + 1);
            if (marker == 0xFF) {
                position++;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                return null;
            }
            int length = u16be(jpeg, position + 2);
            if (marker >= 0xC0 && marker <= 0xC2 && length >= 7 && position + 9 <= jpeg.length) {
                int height = u16be(jpeg, position + 5);
                int width = u16be(jpeg, position + 7);
                return width > 0 && height > 0 ? new Dimension(width, height) : null;
            }
            position += 2 + length;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int offset, String prefix) {
        if (offset + prefix.length() > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[offset + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }

    private static int u16be(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    /** A classic TIFF structure of either byte order, offsets relative to base, bounded by end. */
    private record Tiff(byte[] data, int base, int end, boolean little) {

        static Tiff at(byte[] data, int base, int end) {
            if (base + 8 > end) {
                return null;
            }
            boolean little = data[base] == 'I' && data[base + 1] == 'I';
            boolean big = data[base] == 'M' && data[base + 1] == 'M';
            if (!little && !big) {
                return null;
            }
            Tiff tiff = new Tiff(data, base, end, little);
            return tiff.u16(2) == 42 ? tiff : null;
        }

        long nextDirectory(long directory) {
            int entries = u16(directory);
            return entries > MAX_ENTRIES ? -1 : u32(directory + 2 + 12L * entries);
        }

        /** The value of a SHORT or LONG entry with one value. */
        long number(long entry) {
            int type = u16(entry + 2);
            return switch (type) {
                case 3 -> u16(entry + 8);
                case 4 -> u32(entry + 8);
                default -> -1;
            };
        }

        int u16(long offset) {
            int at = check(offset, 2);
            int a = data[at] & 0xFF;
            int b = data[at + 1] & 0xFF;
            return little ? b << 8 | a : a << 8 | b;
        }

        long u32(long offset) {
            long a = u16(offset);
            long b = u16(offset + 2);
            return little ? b << 16 | a : a << 16 | b;
        }

        private int check(long offset, int size) {
            if (offset < 0 || base + offset + size > end) {
                throw new IndexOutOfBoundsException("outside the EXIF block");
            }
            return (int) (base + offset);
        }
    }
}
