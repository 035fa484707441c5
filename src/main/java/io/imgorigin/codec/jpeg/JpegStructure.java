package io.imgorigin.codec.jpeg;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

/** Walks the marker segments of a JPEG without decoding it. */
public final class JpegStructure {

    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int TEM = 0x01;
    private static final int RST0 = 0xD0;
    private static final int RST7 = 0xD7;
    private static final int STUFFED_ZERO = 0x00;

    private JpegStructure() {
    }

    /**
     * Reads from the stream's position up to the frame header; empty when the stream is not a JPEG or has
     * no frame before its first scan. The caller restores the position.
     */
    public static Optional<JpegFrame> findFrame(ImageInputStream in) throws IOException {
        try {
            if (in.readUnsignedByte() != MARKER || in.readUnsignedByte() != SOI) {
                return Optional.empty();
            }
            while (true) {
                if (in.readUnsignedByte() != MARKER) {
                    return Optional.empty();
                }
                int marker = in.readUnsignedByte();
                while (marker == MARKER) {
                    marker = in.readUnsignedByte();
                }
                if (marker == SOS || marker == EOI) {
                    return Optional.empty();
                }
                if (standalone(marker)) {
                    continue;
                }
                int length = in.readUnsignedShort();
                if (isStartOfFrame(marker)) {
                    int precision = in.readUnsignedByte();
                    in.skipBytes(4);
                    return Optional.of(new JpegFrame(marker, precision, in.readUnsignedByte()));
                }
                if (length < 2 || in.skipBytes(length - 2) != length - 2) {
                    return Optional.empty();
                }
            }
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the segments and entropy-coded scans, followed from the start, lead to an end-of-image
     * marker before the data runs out. Embedded thumbnails sit inside APPn segments and are skipped whole,
     * so their markers do not count; bytes between segments and scan data are stepped over alike.
     */
    public static boolean reachesEndOfImage(byte[] jpeg) {
        int n = jpeg.length;
        if (n < 4 || (jpeg[0] & 0xFF) != MARKER || (jpeg[1] & 0xFF) != SOI) {
            return false;
        }
        int i = 2;
        while (i + 1 < n) {
            if ((jpeg[i] & 0xFF) != MARKER) {
                i++;
                continue;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == MARKER) {
                i++;
            } else if (marker == EOI) {
                return true;
            } else if (marker == STUFFED_ZERO || standalone(marker)) {
                i += 2;
            } else if (i + 3 < n) {
                i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
            } else {
                return false;
            }
        }
        return false;
    }

    private static boolean standalone(int marker) {
        return marker == TEM || (marker >= RST0 && marker <= RST7);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != JPG && marker != DAC;
    }
}
