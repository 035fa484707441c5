package io.imgorigin.codec.turbojpeg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import javax.imageio.IIOException;

/**
 * Compresses pixels with TurboJPEG. Each call owns its native handle and memory, including the output
 * buffer the library allocates, and releases them before it returns, whether it succeeds or throws.
 */
final class TurboJpegEncoder {

    private final TurboJpegFunctions tj;

    TurboJpegEncoder(TurboJpegFunctions tj) {
        this.tj = tj;
    }

    byte[] encode(EncodablePixels pixels, int quality, boolean progressive) throws IIOException {
        int flags = TurboJpegConstants.TJFLAG_ACCURATEDCT | (progressive ? TurboJpegConstants.TJFLAG_PROGRESSIVE : 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = tj.tjInitCompress();
            if (handle.equals(MemorySegment.NULL)) {
                throw new IIOException("Cannot create a TurboJPEG compressor: " + tj.errorMessage(MemorySegment.NULL));
            }
            MemorySegment output = arena.allocate(ADDRESS);
            try {
                MemorySegment source = inPlace(pixels);
                MemorySegment size = arena.allocate(JAVA_LONG);
                int result = tj.tjCompress2(handle, source, pixels.width(), pixels.pitchElements() * pixels.bytesPerElement(),
                        pixels.height(), pixels.pixelFormat(), output, size, pixels.subsampling(), quality, flags);
                if (result != 0) {
                    throw new IIOException("Cannot encode JPEG: " + tj.errorMessage(handle));
                }
                return output.get(ADDRESS, 0).reinterpret(size.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
            } finally {
                MemorySegment buffer = output.get(ADDRESS, 0);
                if (!buffer.equals(MemorySegment.NULL)) {
                    tj.tjFree(buffer);
                }
                tj.tjDestroy(handle);
            }
        }
    }

    /** The pixels where they are, in the image's own array: the library reads them there. */
    private static MemorySegment inPlace(EncodablePixels pixels) {
        if (pixels.array() instanceof int[] ints) {
            return MemorySegment.ofArray(ints).asSlice((long) pixels.offset() * Integer.BYTES,
                    (long) pixels.length() * Integer.BYTES);
        }
        return MemorySegment.ofArray((byte[]) pixels.array()).asSlice(pixels.offset(), pixels.length());
    }
}
