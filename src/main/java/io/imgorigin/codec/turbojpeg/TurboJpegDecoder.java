package io.imgorigin.codec.turbojpeg;

import io.imgorigin.codec.jpeg.JpegStructure;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import javax.imageio.IIOException;

/**
 * Decodes whole JPEGs held in memory with TurboJPEG. Each call owns its native handle and memory and
 * releases both before it returns, whether it succeeds or throws.
 */
final class TurboJpegDecoder {

    private final TurboJpegFunctions tj;

    TurboJpegDecoder(TurboJpegFunctions tj) {
        this.tj = tj;
    }

    JpegHeader readHeader(byte[] jpeg) throws IIOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = initDecompress();
            try {
                MemorySegment source = MemorySegment.ofArray(jpeg);
                MemorySegment width = arena.allocate(JAVA_INT);
                MemorySegment height = arena.allocate(JAVA_INT);
                MemorySegment subsampling = arena.allocate(JAVA_INT);
                MemorySegment colorspace = arena.allocate(JAVA_INT);
                if (tj.tjDecompressHeader3(handle, source, jpeg.length, width, height, subsampling, colorspace) != 0) {
                    checkWarning(handle, jpeg, "Cannot read JPEG header: ");
                }
                return new JpegHeader(width.get(JAVA_INT, 0), height.get(JAVA_INT, 0), subsampling.get(JAVA_INT, 0),
                        colorspace.get(JAVA_INT, 0));
            } finally {
                tj.tjDestroy(handle);
            }
        }
    }

    /** Decodes at the given DCT scale into TYPE_BYTE_GRAY for gray JPEGs and TYPE_INT_RGB for the others. */
    BufferedImage decode(byte[] jpeg, JpegHeader header, ScalingFactor scale) throws IIOException {
        if (header.isFourComponent()) {
            throw new IIOException("CMYK and YCCK JPEGs are not decoded by TurboJPEG here");
        }
        int width = scale.scale(header.width());
        int height = scale.scale(header.height());
        if (width < 1 || height < 1) {
            throw new IIOException("Cannot decode JPEG: its header declares " + width + "x" + height + " pixels");
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IIOException("JPEG too large to decode: " + width + "x" + height);
        }
        boolean gray = header.isGray();
        int bytesPerPixel = gray ? 1 : 4;
        BufferedImage image = new BufferedImage(width, height, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        // Decoded straight into the image's own array: no native pixel buffer, no copy.
        MemorySegment pixels = gray
                ? MemorySegment.ofArray(((DataBufferByte) image.getRaster().getDataBuffer()).getData())
                : MemorySegment.ofArray(((DataBufferInt) image.getRaster().getDataBuffer()).getData());
        MemorySegment handle = initDecompress();
        try {
            int format = gray ? TurboJpegConstants.TJPF_GRAY : TurboJpegConstants.TJPF_INT_RGB;
            int result = tj.tjDecompress2(handle, MemorySegment.ofArray(jpeg), jpeg.length, pixels, width,
                    width * bytesPerPixel, height, format, TurboJpegConstants.TJFLAG_ACCURATEDCT);
            if (result != 0) {
                checkWarning(handle, jpeg, "Cannot decode JPEG: ");
            }
            return image;
        } finally {
            tj.tjDestroy(handle);
        }
    }

    private MemorySegment initDecompress() throws IIOException {
        MemorySegment handle = tj.tjInitDecompress();
        if (handle.equals(MemorySegment.NULL)) {
            throw new IIOException("Cannot create a TurboJPEG decompressor: " + tj.errorMessage(MemorySegment.NULL));
        }
        return handle;
    }

    /**
     * The library finishes a damaged or truncated image with gray and reports a warning. Only warnings that
     * leave every pixel decoded are let through: stray bytes between markers of a file that does reach its
     * end-of-image marker.
     */
    private void checkWarning(MemorySegment handle, byte[] jpeg, String failure) throws IIOException {
        String message = tj.errorMessage(handle);
        boolean warning = tj.tjGetErrorCode(handle) == TurboJpegConstants.TJERR_WARNING;
        if (!(warning && message.contains(TurboJpegConstants.STRAY_BYTES_WARNING) && JpegStructure.reachesEndOfImage(jpeg))) {
            throw new IIOException(failure + message);
        }
    }
}
