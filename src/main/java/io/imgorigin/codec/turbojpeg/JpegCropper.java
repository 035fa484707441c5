package io.imgorigin.codec.turbojpeg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * Cuts a region out of a JPEG without decoding it: libjpeg-turbo's lossless transform with
 * {@code TJXOPT_CROP} copies the DCT coefficients of the blocks the region touches into a new, smaller
 * JPEG. The region's top-left corner is first moved up and left to the iMCU grid (what the transform
 * requires); its bottom-right corner stays where it was asked. Hostile bytes give null, never a crash.
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
                int result = tj.tjTransform(handle, MemorySegment.ofArray(jpeg), jpeg.length, 1, destination, size,
                        transform, TJFLAG_NOREALLOC);
                long length = size.get(JAVA_LONG, 0);
                if (result != 0 || !destination.get(ADDRESS, 0).equals(buffer) || length < 4 || length > capacity) {
                    return null;
                }
                return new Cropped(buffer.asSlice(0, length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), left,
                        top, cropWidth, cropHeight);
            } finally {
                tj.tjDestroy(handle);
            }
        }
    }
}
