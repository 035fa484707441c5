package io.imgorigin.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.junit.jupiter.api.Test;

import io.imgorigin.codec.jpeg.JpegSegments.Segment;

class JpegSegmentsTest {

    /**
     * SOI; an APP0 of 4 data bytes; a DQT whose length (1) is below 2; stray bytes; fill bytes before a
     * frame header of 6 data bytes; SOS of 3; scan data holding a stuffed zero and a restart marker; EOI.
     */
    private static final byte[] JPEG = bytes(
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 0xFF, 0xD9,
            0xFF, 0xDB, 0x00, 0x01,
            0x12, 0x34,
            0xFF, 0xFF, 0xFF, 0xC0, 0x00, 0x08, 8, 0, 16, 0, 16, 3,
            0xFF, 0xDA, 0x00, 0x05, 1, 2, 3,
            0x55, 0xFF, 0x00, 0x66, 0xFF, 0xD3, 0x77,
            0xFF, 0xD9);

    @Test
    void stepsFromMarkerToMarkerOverSegmentsStrayBytesAndScanData() throws IOException {
        assertThat(walk(JpegSegments.of(JPEG))).containsExactly(
                new Segment(0xE0, 6, 6),
                new Segment(0xDB, 14, 1),
                new Segment(0xC0, 22, 8),
                new Segment(0xDA, 32, 5),
                new Segment(0xD3, 41, 0),
                new Segment(0xD9, 44, 0));
    }

    @Test
    void aStreamIsWalkedAlikeFromItsPosition() throws IOException {
        byte[] prefixed = new byte[3 + JPEG.length];
        System.arraycopy(JPEG, 0, prefixed, 3, JPEG.length);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(prefixed))) {
            in.seek(3);
            List<Segment> segments = walk(JpegSegments.of(in));
            assertThat(segments).extracting(Segment::marker).containsExactly(0xE0, 0xDB, 0xC0, 0xDA, 0xD3, 0xD9);
            assertThat(segments.get(2).body()).isEqualTo(3 + 22);
        }
    }

    @Test
    void aFieldIsReadWhereverTheInputIs() throws IOException {
        JpegSegments segments = JpegSegments.of(JPEG);
        segments.readStartOfImage();
        segments.next();
        segments.next();
        Segment frame = segments.next();
        assertThat(segments.byteAt(frame.body())).isEqualTo(8);
        assertThat(segments.byteAt(frame.body() + 5)).isEqualTo(3);
        assertThat(segments.next().marker()).as("the walk goes on after the frame").isEqualTo(JpegMarker.SOS);
        assertThatThrownBy(() -> segments.byteAt(JPEG.length)).isInstanceOf(EOFException.class);
    }

    @Test
    void anAdjacentWalkStopsAtStrayBytesOrAStuffedZero() throws IOException {
        JpegSegments segments = JpegSegments.of(JPEG);
        segments.readStartOfImage();
        assertThat(segments.nextAdjacent()).map(Segment::marker).contains(0xE0);
        assertThat(segments.nextAdjacent()).map(Segment::marker).contains(0xDB);
        assertThat(segments.nextAdjacent()).isEmpty();

        JpegSegments stuffed = JpegSegments.of(bytes(0xFF, 0xD8, 0xFF, 0x00, 0xFF, 0xC0, 0, 2));
        stuffed.readStartOfImage();
        assertThat(stuffed.nextAdjacent()).isEmpty();
    }

    @Test
    void onlyAStartOfImageOpensAWalk() throws IOException {
        assertThat(JpegSegments.of(bytes(0xFF, 0xD8)).readStartOfImage()).isTrue();
        assertThat(JpegSegments.of(bytes(0xFF, 0xD9)).readStartOfImage()).isFalse();
        assertThat(JpegSegments.of(bytes(0x89, 'P', 'N', 'G')).readStartOfImage()).isFalse();
        assertThatThrownBy(() -> JpegSegments.of(bytes(0xFF)).readStartOfImage()).isInstanceOf(EOFException.class);
    }

    @Test
    void aSegmentRunningPastTheEndOfAnArrayEndsTheWalkThere() throws IOException {
        JpegSegments segments = JpegSegments.of(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 1, 2, 3, 0xFF, 0xD9));
        segments.readStartOfImage();
        Segment app1 = segments.next();
        assertThat(app1.body() + app1.bodyLength()).isEqualTo(6 + 0xFFFD);
        assertThatThrownBy(segments::next).isInstanceOf(EOFException.class);

        JpegSegments cutInLength = JpegSegments.of(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00));
        cutInLength.readStartOfImage();
        assertThatThrownBy(cutInLength::next).isInstanceOf(EOFException.class);
    }

    @Test
    void segmentsTooShortForTheirLengthFieldStillMoveTheWalkOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0xFF, 0xD8));
        for (int i = 0; i < 1000; i++) {
            out.writeBytes(bytes(0xFF, 0xE0, 0x00, i % 2));
        }
        out.writeBytes(bytes(0xFF, 0xD9));
        List<Segment> segments = walk(JpegSegments.of(out.toByteArray()));
        assertThat(segments).hasSize(1001);
        assertThat(segments.get(999).bodyLength()).isZero();
    }

    @Test
    void anyBytesEndTheWalkWithinOneStepPerByte() {
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            byte[] data = new byte[2 + random.nextInt(200)];
            random.nextBytes(data);
            data[0] = (byte) 0xFF;
            data[1] = (byte) 0xD8;
            for (int i = 2; i < data.length; i++) {
                data[i] = random.nextInt(4) == 0 ? (byte) 0xFF : data[i];
            }
            JpegSegments segments = JpegSegments.of(data);
            int steps = 0;
            try {
                segments.readStartOfImage();
                while (segments.next().marker() != JpegMarker.EOI) {
                    steps++;
                    assertThat(steps).isLessThanOrEqualTo(data.length);
                }
            } catch (IOException e) {
                assertThat(e).as(Arrays.toString(data)).isInstanceOf(EOFException.class);
            }
        }
    }

    @Test
    void theMarkerTable() {
        for (int marker = 0; marker <= 0xFF; marker++) {
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            assertThat(JpegMarker.isStartOfFrame(marker)).as("SOF 0x%02X", marker).isEqualTo(frame);
            boolean alone = marker == 0x01 || marker >= 0xD0 && marker <= 0xD7 || marker == 0xD9;
            assertThat(JpegMarker.standsAlone(marker)).as("standalone 0x%02X", marker).isEqualTo(alone);
        }
    }

    /** The segments after SOI, up to and with EOI. */
    private static List<Segment> walk(JpegSegments segments) throws IOException {
        assertThat(segments.readStartOfImage()).isTrue();
        List<Segment> all = new ArrayList<>();
        Segment segment;
        do {
            segment = segments.next();
            all.add(segment);
        } while (segment.marker() != JpegMarker.EOI);
        return all;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
