package io.imgorigin.codec.jpeg;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.stream.ImageInputStream;

/**
 * Steps through a JPEG from marker to marker as libjpeg reads it: bytes that are not a marker (0xFF
 * 0x00 included) are passed over, fill bytes (0xFF) before a marker are dropped, and a segment is
 * skipped whole by its length, so markers inside it (those of an embedded thumbnail) are never seen.
 * Reads a byte array, or an ImageIO stream only as far as the walk goes. Every step moves forward, so
 * a walk ends with the data, in {@link EOFException}.
 */
public final class JpegSegments {

    /**
     * One marker and, unless it stands alone, its segment.
     *
     * @param body   where the segment's data starts, after the length field (an array index or a stream
     *               position). The data may run past the end of the input: the walk fails only when it
     *               steps past it, so a caller that reads the data checks its extent.
     * @param length the segment's length field, which counts itself; 0 for a marker without one
     */
    public record Segment(int marker, long body, int length) {

        /** The data after the length field; libjpeg skips a segment whose length is below 2 as if it were empty. */
        public int bodyLength() {
            return Math.max(0, length - 2);
        }
    }

    /** What the walk reads. */
    private interface Input {

        /** The next byte, or -1 at the end. */
        int read() throws IOException;

        long position() throws IOException;

        void seek(long position) throws IOException;
    }

    private static final int NO_MARKER = -1;

    private final Input input;
    private long resume;

    private JpegSegments(Input input, long start) {
        this.input = input;
        this.resume = start;
    }

    /** A walk from the start of the array. */
    public static JpegSegments of(byte[] jpeg) {
        return new JpegSegments(new Input() {
            private int position;

            @Override
            public int read() {
                return position < jpeg.length ? jpeg[position++] & 0xFF : -1;
            }

            @Override
            public long position() {
                return position;
            }

            @Override
            public void seek(long to) {
                position = (int) Math.min(to, jpeg.length);
            }
        }, 0);
    }

    /** A walk from the stream's position; the caller restores the position afterwards. */
    public static JpegSegments of(ImageInputStream stream) throws IOException {
        return new JpegSegments(new Input() {
            @Override
            public int read() throws IOException {
                return stream.read();
            }

            @Override
            public long position() throws IOException {
                return stream.getStreamPosition();
            }

            @Override
            public void seek(long to) throws IOException {
                stream.seek(to);
            }
        }, stream.getStreamPosition());
    }

    /** Reads the two bytes that open every JPEG; false when they are not its start-of-image marker. */
    public boolean readStartOfImage() throws IOException {
        input.seek(resume);
        boolean soi = read() == JpegMarker.PREFIX && read() == JpegMarker.SOI;
        resume = input.position();
        return soi;
    }

    /** The next marker, and the segment after it; the walk goes on after that segment. */
    public Segment next() throws IOException {
        return next(false);
    }

    /**
     * The next marker when it follows at once (fill bytes aside), empty when other bytes come first: for
     * a caller that leaves such files to other readers, without reading on through the bytes.
     */
    public Optional<Segment> nextAdjacent() throws IOException {
        return Optional.ofNullable(next(true));
    }

    private Segment next(boolean adjacent) throws IOException {
        input.seek(resume);
        int marker;
        while ((marker = readMarker()) == NO_MARKER) {
            if (adjacent) {
                return null;
            }
        }
        if (JpegMarker.standsAlone(marker)) {
            resume = input.position();
            return new Segment(marker, resume, 0);
        }
        int length = read() << 8 | read();
        Segment segment = new Segment(marker, input.position(), length);
        resume = segment.body() + segment.bodyLength();
        return segment;
    }

    /** One byte of the input, such as a field of the segment {@link #next} returned. */
    public int byteAt(long position) throws IOException {
        input.seek(position);
        return read();
    }

    /** The marker that starts here, after any fill bytes; NO_MARKER when the bytes here are data. */
    private int readMarker() throws IOException {
        if (read() != JpegMarker.PREFIX) {
            return NO_MARKER;
        }
        int marker = read();
        while (marker == JpegMarker.PREFIX) {
            marker = read();
        }
        return marker == JpegMarker.STUFFED_ZERO ? NO_MARKER : marker;
    }

    private int read() throws IOException {
        int b = input.read();
        if (b < 0) {
            throw new EOFException("the JPEG data ends early");
        }
        return b;
    }
}
