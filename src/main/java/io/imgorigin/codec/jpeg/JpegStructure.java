package io.imgorigin.codec.jpeg;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.jpeg.JpegSegments.Segment;

/** What the TurboJPEG path asks of a JPEG's structure, answered without decoding it. */
public final class JpegStructure {

    /** Precision is the first byte of a frame header, the component count the sixth (after height and width). */
    private static final int PRECISION = 0;
    private static final int COMPONENTS = 5;

    private JpegStructure() {
    }

    /**
     * Reads from the stream's position up to the frame header; empty when the stream is not a JPEG, has
     * no frame before its first scan, or has bytes between its segments (left to other readers). The
     * caller restores the position.
     */
    public static Optional<JpegFrame> findFrame(ImageInputStream in) throws IOException {
        JpegSegments segments = JpegSegments.of(in);
        try {
            if (!segments.readStartOfImage()) {
                return Optional.empty();
            }
            for (Optional<Segment> next = segments.nextAdjacent(); next.isPresent(); next = segments.nextAdjacent()) {
                Segment segment = next.get();
                int marker = segment.marker();
                if (marker == JpegMarker.SOS || marker == JpegMarker.EOI) {
                    return Optional.empty();
                }
                if (JpegMarker.isStartOfFrame(marker)) {
                    return Optional.of(new JpegFrame(marker, segments.byteAt(segment.body() + PRECISION),
                            segments.byteAt(segment.body() + COMPONENTS)));
                }
                // Too short to hold its own length field: libjpeg-turbo refuses most such segments.
                if (segment.length() < 2 && !JpegMarker.standsAlone(marker)) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the segments and entropy-coded scans, followed from the start, lead to an end-of-image
     * marker before the data runs out.
     */
    public static boolean reachesEndOfImage(byte[] jpeg) {
        JpegSegments segments = JpegSegments.of(jpeg);
        try {
            if (!segments.readStartOfImage()) {
                return false;
            }
            while (segments.next().marker() != JpegMarker.EOI) {
                // Scan data holds no markers but restarts, so the walk passes over it as over stray bytes.
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
