package io.imgorigin.processing.probe;

import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * ICO and CUR: the largest image of the directory is the one served. Its size is read from the embedded
 * image's own header (a PNG's IHDR, or a BMP info header whose height counts the AND mask too), not from
 * the directory's one-byte sides, so an entry that declares more than it says is refused before decoding.
 */
public final class IcoHeaderParser {

    private static final int MAX_ENTRIES = 256;

    private IcoHeaderParser() {
    }

    static boolean matches(byte[] data) {
        if (data.length < 6 || data[0] != 0 || data[1] != 0 || data[3] != 0 || (data[2] != 1 && data[2] != 2)) {
            return false;
        }
        int count = (data[4] & 0xFF) | (data[5] & 0xFF) << 8;
        return count >= 1 && count <= MAX_ENTRIES;
    }

    static ImageHeader parse(byte[] data) {
        int count = HeaderBytes.u16le(data, 4, "ICO");
        int best = largest(data, count);
        int[] size = embeddedSize(data, best);
        return new ImageHeader(SourceFormat.ICO, size[0], size[1], HeaderBytes.area(size[0], size[1]), 1, 1, null,
                true);
    }

    /** The index of the directory entry whose embedded image is largest. */
    public static int largest(byte[] data, int count) {
        int best = 0;
        long bestArea = -1;
        for (int i = 0; i < count; i++) {
            int[] size = embeddedSize(data, i);
            long area = (long) size[0] * size[1];
            if (area > bestArea) {
                best = i;
                bestArea = area;
            }
        }
        return best;
    }

    private static int[] embeddedSize(byte[] data, int entry) {
        long at = 6 + 16L * entry;
        long length = HeaderBytes.u32le(data, at + 8, "ICO");
        long offset = HeaderBytes.u32le(data, at + 12, "ICO");
        HeaderBytes.require(data, offset, Math.min(length, 26), "ICO");
        if (HeaderBytes.startsWith(data, offset, "\u0089PNG")) {
            return new int[] {HeaderBytes.side(HeaderBytes.u32be(data, offset + 16, "ICO"), "ICO"),
                    HeaderBytes.side(HeaderBytes.u32be(data, offset + 20, "ICO"), "ICO")};
        }
        long width = (int) HeaderBytes.u32le(data, offset + 4, "ICO");
        long height = (int) HeaderBytes.u32le(data, offset + 8, "ICO");
        if (width <= 0 || height == 0) {
            throw new UnusableImageException("an ICO entry declares a bitmap of " + width + "×" + height);
        }
        return new int[] {HeaderBytes.side(width, "ICO"), HeaderBytes.side(Math.max(1, Math.abs(height) / 2), "ICO")};
    }
}
