package io.imgorigin.codec.turbojpeg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import io.imgorigin.codec.jpeg.JpegMarker;
import io.imgorigin.codec.jpeg.JpegSegments;

/**
 * Cuts a region out of a JPEG without decoding it: libjpeg-turbo's lossless transform with
 * {@code TJXOPT_CROP} copies the DCT coefficients of the blocks the region touches into a new, smaller
 * JPEG. The region's top-left corner is first moved up and left to the iMCU grid (what the transform
 * requires); its bottom-right corner stays where it was asked. The transform is handed the JPEG with its
 * frame header ending at the region's last iMCU row, so the entropy-coded data below the region is passed
 * over unread. Hostile bytes give null, never a crash.
 */
public final class JpegCropper {

    private static final int TJXOP_NONE = 0;
    private static final int TJXOPT_CROP = 4;
    private static final int TJFLAG_NOREALLOC = 1024;
    /** Room for the markers the transform copies (EXIF, ICC) beyond the coefficient data. */
    private static final int MARKER_ROOM = 1 << 17;
    /** tjMCUWidth and tjMCUHeight of turbojpeg.h, by TJSAMP_* (444, 422, 420, GRAY, 440, 411). */
    private static final int[] MCU_WIDTH = {8, 16, 16, 8, 8, 32};
    private static final int[] MCU_HEIGHT = {8, 8, 16, 8, 16, 8};
    /** The height's offset in a frame header's body (after the precision byte). */
    private static final int FRAME_HEIGHT = 1;

    /** {@code tjtransform}: a tjregion (x, y, w, h), op, options, data and customFilter pointers. */
    private static final StructLayout TRANSFORM = MemoryLayout.structLayout(
            JAVA_INT.withName("x"), JAVA_INT.withName("y"), JAVA_INT.withName("w"), JAVA_INT.withName("h"),
            JAVA_INT.withName("op"), JAVA_INT.withName("options"), ADDRESS.withName("data"),
            ADDRESS.withName("customFilter"));

    private JpegCropper() {
    }

    /** Whether libturbojpeg's transform functions are there. */
    public static boolean available() {
        return TurboJpegTransformLibrary.instance().available();
    }

    /**
     * The JPEG a crop made and where it lies in the source.
     *
     * @param x the column of the source where the new JPEG starts (the region's, moved to the iMCU grid)
     * @param y likewise, the row
     */
    public record Cropped(byte[] jpeg, int x, int y, int width, int height) {
    }

    /** What the header tells: the size and the iMCU of the JPEG, or null for one this path leaves alone. */
    public record Layout(int width, int height, int mcuWidth, int mcuHeight) {
    }

    /** The JPEG's size and iMCU, or null when it cannot be read or is CMYK/YCCK or of unusual subsampling. */
    public static Layout layout(byte[] jpeg) {
        if (!available() || jpeg == null || jpeg.length < 4) {
            return null;
        }
        TurboJpegTransformLibrary.Functions tj = TurboJpegTransformLibrary.instance().require();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = tj.tjInitTransform();
            if (handle.equals(MemorySegment.NULL)) {
                return null;
            }
            try {
                MemorySegment width = arena.allocate(JAVA_INT);
                MemorySegment height = arena.allocate(JAVA_INT);
                MemorySegment subsampling = arena.allocate(JAVA_INT);
                MemorySegment colorspace = arena.allocate(JAVA_INT);
                if (tj.tjDecompressHeader3(handle, MemorySegment.ofArray(jpeg), jpeg.length, width, height, subsampling,
                        colorspace) != 0) {
                    return null;
                }
                int sampling = subsampling.get(JAVA_INT, 0);
                int space = colorspace.get(JAVA_INT, 0);
                int w = width.get(JAVA_INT, 0);
                int h = height.get(JAVA_INT, 0);
                if (sampling < 0 || sampling >= MCU_WIDTH.length || space == TurboJpegConstants.TJCS_CMYK
                        || space == TurboJpegConstants.TJCS_YCCK || w < 1 || h < 1) {
                    return null;
                }
                return new Layout(w, h, MCU_WIDTH[sampling], MCU_HEIGHT[sampling]);
            } finally {
                tj.tjDestroy(handle);
            }
        }
    }

    /**
     * A JPEG of the region {@code x, y, width, height} (stored pixels), its top-left corner moved to the
     * iMCU grid; null when the library is missing, the JPEG is not one this path takes or the transform
     * fails.
     *
     * @throws IllegalArgumentException when the region does not lie within the JPEG
     */
    public static Cropped crop(byte[] jpeg, int x, int y, int width, int height) {
        Layout layout = layout(jpeg);
        if (layout == null) {
            return null;
        }
        if (x < 0 || y < 0 || width < 1 || height < 1 || (long) x + width > layout.width()
                || (long) y + height > layout.height()) {
            throw new IllegalArgumentException("the region " + x + "," + y + "," + width + "," + height
                    + " does not lie within the " + layout.width() + "×" + layout.height() + " JPEG");
        }
        int left = x - x % layout.mcuWidth();
        int top = y - y % layout.mcuHeight();
        int cropWidth = x + width - left;
        int cropHeight = y + height - top;
        TurboJpegTransformLibrary.Functions tj = TurboJpegTransformLibrary.instance().require();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment transform = arena.allocate(TRANSFORM);
            transform.set(JAVA_INT, 0, left);
            transform.set(JAVA_INT, 4, top);
            transform.set(JAVA_INT, 8, cropWidth);
            transform.set(JAVA_INT, 12, cropHeight);
            transform.set(JAVA_INT, 16, TJXOP_NONE);
            transform.set(JAVA_INT, 20, TJXOPT_CROP);
            // The output goes to a buffer of ours that the library may not grow (TJFLAG_NOREALLOC): a
            // region's coefficients, re-encoded, take no more than twice the whole file's; a JPEG that needs
            // more fails the transform and takes the ordinary path.
            long capacity = Math.min(Integer.MAX_VALUE - 8L, 2L * jpeg.length + MARKER_ROOM);
            MemorySegment buffer = arena.allocate(capacity);
            MemorySegment destination = arena.allocate(ADDRESS);
            destination.set(ADDRESS, 0, buffer);
            MemorySegment size = arena.allocate(JAVA_LONG);
            size.set(JAVA_LONG, 0, capacity);
            MemorySegment handle = tj.tjInitTransform();
            if (handle.equals(MemorySegment.NULL)) {
                return null;
            }
            try {
                byte[] input = endingAt(jpeg, Math.min(layout.height(), ceilTo(y + height, layout.mcuHeight())));
                int result = tj.tjTransform(handle, MemorySegment.ofArray(input), input.length, 1, destination, size,
                        transform, TJFLAG_NOREALLOC);
                long length = size.get(JAVA_LONG, 0);
                boolean done = result == 0 || input != jpeg && skippedTheRest(tj, handle);
                if (!done || !destination.get(ADDRESS, 0).equals(buffer) || length < 4 || length > capacity) {
                    return null;
                }
                return new Cropped(buffer.asSlice(0, length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), left,
                        top, cropWidth, cropHeight);
            } finally {
                tj.tjDestroy(handle);
            }
        }
    }

    /**
     * The JPEG with its frame header saying it is {@code rows} tall, so that the transform reads no
     * entropy-coded data below the region; the same array when it is that tall already or its frame header
     * cannot be found.
     */
    static byte[] endingAt(byte[] jpeg, int rows) {
        JpegSegments segments = JpegSegments.of(jpeg);
        try {
            if (!segments.readStartOfImage()) {
                return jpeg;
            }
            for (JpegSegments.Segment segment = segments.next(); segment.marker() != JpegMarker.SOS
                    && segment.marker() != JpegMarker.EOI; segment = segments.next()) {
                if (JpegMarker.isStartOfFrame(segment.marker())) {
                    int at = (int) segment.body() + FRAME_HEIGHT;
                    if (segment.bodyLength() < FRAME_HEIGHT + 2 || at + 1 >= jpeg.length
                            || ((jpeg[at] & 0xFF) << 8 | jpeg[at + 1] & 0xFF) <= rows) {
                        return jpeg;
                    }
                    byte[] shorter = jpeg.clone();
                    shorter[at] = (byte) (rows >> 8);
                    shorter[at + 1] = (byte) rows;
                    return shorter;
                }
            }
            return jpeg;
        } catch (IOException e) {
            return jpeg;
        }
    }

    /**
     * Whether the transform's last complaint was the one a shortened frame brings: the data of the rows
     * below it, passed over as stray bytes before the next marker. (An earlier warning about damaged data in
     * the rows read is then let through too: libjpeg-turbo fills such blocks and the region still decodes.)
     */
    private static boolean skippedTheRest(TurboJpegTransformLibrary.Functions tj, MemorySegment handle) {
        return tj.tjGetErrorCode(handle) == TurboJpegConstants.TJERR_WARNING
                && tj.errorMessage(handle).contains(TurboJpegConstants.STRAY_BYTES_WARNING);
    }

    private static int ceilTo(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
