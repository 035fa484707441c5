package io.imgorigin.codec.jpeg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * A JPEG at 1/8 scale from its DC coefficients alone, which are the means of its 8×8 blocks: no inverse DCT,
 * and as little entropy decoding as the file allows.
 * <ul>
 * <li>Progressive: the first DC scans hold every block's DC coefficient; reading stops after them.</li>
 * <li>Sequential with restart markers: the markers are found by scanning the bytes, and only the restart
 * intervals that cover {@value #SAMPLED_ROWS} evenly spread MCU rows are decoded; each row left out takes the
 * values of the nearest decoded row.</li>
 * <li>Sequential without restart markers: every block's codes must be read, but only the DC values are kept
 * and the AC codes are passed over several at a lookup, their values' bits skipped (faster than libjpeg-turbo's
 * 1/8 decode, which reads every value).</li>
 * </ul>
 * Only 8-bit Huffman-coded gray or three-component frames are read; anything else answers empty. Every
 * length, table and index the data declares is checked before use, and the work is bounded by the frame's
 * block count, itself bounded by {@code maxPixels}.
 */
public final class DcImageReader {

    /**
     * The image at 1/8 scale, in the stored orientation: {@code ceil(width / 8)} × {@code ceil(height / 8)}.
     *
     * @param rgb 0xRRGGBB row by row, the colours as stored (no ICC profile applied)
     */
    public record DcImage(int width, int height, int[] rgb) {
    }

    static final int SAMPLED_ROWS = 32;

    private static final int MAX_COMPONENT_SAMPLING = 4;
    private static final int MAX_BLOCKS_PER_MCU = 10;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] data;
    private final long maxPixels;
    private final EntropyReader entropy;
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final int[][] quantisation = new int[4][];
    private int restartInterval;
    private boolean jfif;
    private int adobeTransform = -1;
    private Frame frame;

    private DcImageReader(byte[] data, long maxPixels) {
        this.data = data;
        this.maxPixels = maxPixels;
        this.entropy = new EntropyReader(data);
    }

    /**
     * @param jpeg      the whole file
     * @param maxPixels the most pixels the frame may declare
     * @return the 1/8 image, or empty for a kind of JPEG this reader leaves to others
     * @throws JpegDataException when the data is malformed or ends before every component's DC values
     */
    public static Optional<DcImage> read(byte[] jpeg, long maxPixels) throws JpegDataException {
        return new DcImageReader(jpeg, maxPixels).read();
    }

    private record Component(int id, int h, int v, int table, int blocksWide, int blocksHigh, int[] dc,
            boolean[] rowsDone, int[] shift) {
    }

    private record Frame(boolean progressive, int width, int height, int hMax, int vMax, int mcusWide, int mcusHigh,
            Component[] components) {
    }

    private Optional<DcImage> read() throws JpegDataException {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != JpegMarker.SOI) {
            throw new JpegDataException("not a JPEG");
        }
        int position = 2;
        while (true) {
            position = nextMarker(position, null, 0);
            if (position < 0) {
                throw new JpegDataException("the JPEG ends before its DC values");
            }
            int marker = data[position + 1] & 0xFF;
            if (marker == JpegMarker.EOI) {
                throw new JpegDataException("the JPEG ends before its DC values");
            }
            if (position + 4 > data.length) {
                throw new JpegDataException("a segment is truncated");
            }
            int length = (data[position + 2] & 0xFF) << 8 | data[position + 3] & 0xFF;
            int body = position + 4;
            int end = position + 2 + length;
            if (length < 2 || end > data.length) {
                throw new JpegDataException("a segment runs past the data");
            }
            switch (marker) {
                case 0xC0, 0xC1, 0xC2 -> {
                    if (!frame(marker == JpegMarker.SOF2_PROGRESSIVE, body, end)) {
                        return Optional.empty();
                    }
                }
                case 0xC4 -> huffman(body, end);
                case 0xDB -> quantisation(body, end);
                case 0xDD -> {
                    if (length != 4) {
                        throw new JpegDataException("a DRI segment is not 4 bytes long");
                    }
                    restartInterval = (data[body] & 0xFF) << 8 | data[body + 1] & 0xFF;
                }
                case 0xE0 -> jfif |= startsWith(body, end, "JFIF\0");
                case 0xEE -> {
                    if (startsWith(body, end, "Adobe") && end - body >= 12) {
                        adobeTransform = data[body + 11] & 0xFF;
                    }
                }
                case JpegMarker.SOS -> {
                    if (frame == null) {
                        throw new JpegDataException("a scan comes before the frame header");
                    }
                    Optional<Integer> next = scan(body, end);
                    if (next.isEmpty()) {
                        return Optional.empty();
                    }
                    if (allDone()) {
                        return Optional.of(image());
                    }
                    position = next.get();
                    continue;
                }
                default -> {
                    if (JpegMarker.isStartOfFrame(marker)) {
                        return Optional.empty(); // lossless, hierarchical or arithmetic-coded
                    }
                }
            }
            position = end;
        }
    }

    /** Reads SOF0/1/2; false for a frame this reader leaves to others (not 8-bit, not 1 or 3 components). */
    private boolean frame(boolean progressive, int body, int end) throws JpegDataException {
        if (frame != null) {
            throw new JpegDataException("a second frame header");
        }
        if (end - body < 6) {
            throw new JpegDataException("a frame header is truncated");
        }
        int precision = data[body] & 0xFF;
        int height = (data[body + 1] & 0xFF) << 8 | data[body + 2] & 0xFF;
        int width = (data[body + 3] & 0xFF) << 8 | data[body + 4] & 0xFF;
        int count = data[body + 5] & 0xFF;
        if (precision != 8 || count != 1 && count != 3 || height == 0) {
            return false;
        }
        if (width == 0 || end - body < 6 + 3 * count) {
            throw new JpegDataException("a frame header is malformed");
        }
        if ((long) width * height > maxPixels) {
            throw new JpegDataException("the frame has more pixels than allowed");
        }
        int hMax = 1;
        int vMax = 1;
        for (int i = 0; i < count; i++) {
            int sampling = data[body + 7 + 3 * i] & 0xFF;
            int h = sampling >> 4;
            int v = sampling & 15;
            int table = data[body + 8 + 3 * i] & 0xFF;
            if (h < 1 || h > MAX_COMPONENT_SAMPLING || v < 1 || v > MAX_COMPONENT_SAMPLING || table > 3) {
                throw new JpegDataException("a frame component is malformed");
            }
            hMax = Math.max(hMax, h);
            vMax = Math.max(vMax, v);
        }
        int mcusWide = ceilDiv(width, 8 * hMax);
        int mcusHigh = ceilDiv(height, 8 * vMax);
        Component[] components = new Component[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++) {
            int sampling = data[body + 7 + 3 * i] & 0xFF;
            int h = sampling >> 4;
            int v = sampling & 15;
            blocksPerMcu += h * v;
            int blocksWide = mcusWide * h;
            int blocksHigh = mcusHigh * v;
            components[i] = new Component(data[body + 6 + 3 * i] & 0xFF, h, v, data[body + 8 + 3 * i] & 0xFF,
                    blocksWide, blocksHigh, new int[blocksWide * blocksHigh], new boolean[blocksHigh], new int[] {-1});
        }
        if (count > 1 && blocksPerMcu > MAX_BLOCKS_PER_MCU) {
            throw new JpegDataException("an MCU holds more than 10 blocks");
        }
        frame = new Frame(progressive, width, height, hMax, vMax, mcusWide, mcusHigh, components);
        return true;
    }

    private void huffman(int body, int end) throws JpegDataException {
        int at = body;
        while (at < end) {
            int classAndId = data[at] & 0xFF;
            int tableClass = classAndId >> 4;
            int id = classAndId & 15;
            if (tableClass > 1 || id > 3) {
                throw new JpegDataException("a DHT segment names a table that does not exist");
            }
            HuffmanTable table = HuffmanTable.read(data, at + 1, end);
            (tableClass == 0 ? dcTables : acTables)[id] = table;
            at += 1 + table.byteLength();
        }
    }

    private void quantisation(int body, int end) throws JpegDataException {
        int at = body;
        while (at < end) {
            int precisionAndId = data[at] & 0xFF;
            int precision = precisionAndId >> 4;
            int id = precisionAndId & 15;
            int size = precision == 0 ? 64 : 128;
            if (precision > 1 || id > 3 || at + 1 + size > end) {
                throw new JpegDataException("a DQT segment is malformed");
            }
            // Only the first entry, the DC step, is of use here.
            int dc = precision == 0 ? data[at + 1] & 0xFF : (data[at + 1] & 0xFF) << 8 | data[at + 2] & 0xFF;
            quantisation[id] = new int[] {dc};
            at += 1 + size;
        }
    }

    /**
     * Reads a scan's header and whatever of its data this reader needs.
     *
     * @return where the next marker after the scan starts, or empty for a scan this reader leaves to others
     */
    private Optional<Integer> scan(int body, int end) throws JpegDataException {
        int count = data[body] & 0xFF;
        if (count < 1 || count > frame.components().length || end - body != 4 + 2 * count) {
            throw new JpegDataException("a scan header is malformed");
        }
        Component[] members = new Component[count];
        HuffmanTable[] dc = new HuffmanTable[count];
        HuffmanTable[] ac = new HuffmanTable[count];
        for (int i = 0; i < count; i++) {
            int id = data[body + 1 + 2 * i] & 0xFF;
            int tables = data[body + 2 + 2 * i] & 0xFF;
            for (Component component : frame.components()) {
                if (component.id() == id) {
                    members[i] = component;
                }
            }
            for (int j = 0; j < i; j++) {
                if (members[j] == members[i]) {
                    throw new JpegDataException("a scan names a component twice");
                }
            }
            if (members[i] == null || (tables >> 4) > 3 || (tables & 15) > 3) {
                throw new JpegDataException("a scan header is malformed");
            }
            dc[i] = dcTables[tables >> 4];
            ac[i] = acTables[tables & 15];
        }
        int spectralStart = data[end - 3] & 0xFF;
        int spectralEnd = data[end - 2] & 0xFF;
        int approximationHigh = (data[end - 1] & 0xFF) >> 4;
        int approximationLow = data[end - 1] & 15;
        boolean dcFirst = spectralStart == 0 && approximationHigh == 0;
        if (frame.progressive()) {
            if (spectralStart == 0 && spectralEnd != 0 || spectralStart > spectralEnd || spectralEnd > 63
                    || approximationLow > 13) {
                throw new JpegDataException("a progressive scan header is malformed");
            }
            if (!dcFirst || Arrays.stream(members).allMatch(c -> c.shift()[0] >= 0)) {
                return Optional.of(endOfScan(end)); // AC and refinement scans are passed over
            }
        } else if (spectralStart != 0 || spectralEnd != 63 || approximationHigh != 0 || approximationLow != 0) {
            throw new JpegDataException("a sequential scan header is malformed");
        }
        for (int i = 0; i < count; i++) {
            if (dc[i] == null || !frame.progressive() && ac[i] == null) {
                throw new JpegDataException("a scan uses a Huffman table that is not defined");
            }
            if (quantisation[members[i].table()] == null) {
                throw new JpegDataException("a component uses a quantisation table that is not defined");
            }
        }
        return decode(new Scan(members, dc, frame.progressive() ? null : ac, approximationLow), end);
    }

    /** The components of one scan with their tables; {@code ac} is null where AC codes are not in the scan. */
    private record Scan(Component[] members, HuffmanTable[] dc, HuffmanTable[] ac, int shift) {

        boolean interleaved() {
            return members.length > 1;
        }
    }

    private Optional<Integer> decode(Scan scan, int start) throws JpegDataException {
        Component only = scan.members()[0];
        int mcusWide = scan.interleaved() ? frame.mcusWide() : ceilDiv(ceilDiv(frame.width() * only.h(), frame.hMax()), 8);
        int mcusHigh = scan.interleaved() ? frame.mcusHigh() : ceilDiv(ceilDiv(frame.height() * only.v(), frame.vMax()), 8);
        int total = mcusWide * mcusHigh;
        int next;
        if (restartInterval == 0) {
            entropy.reset(start);
            int[] predictions = new int[scan.members().length];
            decodeMcus(scan, predictions, 0, total, mcusWide);
            markRows(scan, 0, mcusHigh);
            next = endOfScan(entropy.position());
        } else {
            int intervals = ceilDiv(total, restartInterval);
            int[] restarts = new int[intervals - 1];
            next = nextMarker(start, restarts, intervals - 1);
            if (next < 0) {
                throw new JpegDataException("a scan runs to the end of the data");
            }
            boolean[] wanted = new boolean[intervals];
            boolean[] rows = new boolean[mcusHigh];
            boolean sample = scan.ac() != null && mcusHigh > SAMPLED_ROWS;
            for (int i = 0; i < (sample ? SAMPLED_ROWS : mcusHigh); i++) {
                int row = sample ? (int) ((2L * i + 1) * mcusHigh / (2L * SAMPLED_ROWS)) : i;
                rows[row] = true;
                long first = (long) row * mcusWide;
                for (long k = first / restartInterval; k <= (first + mcusWide - 1) / restartInterval; k++) {
                    wanted[(int) k] = true;
                }
            }
            for (int k = 0; k < intervals; k++) {
                if (!wanted[k]) {
                    continue;
                }
                entropy.reset(k == 0 ? start : restarts[k - 1] + 2);
                int first = k * restartInterval;
                decodeMcus(scan, new int[scan.members().length], first, Math.min(total, first + restartInterval), mcusWide);
            }
            for (int row = 0; row < mcusHigh; row++) {
                if (rows[row]) {
                    markRows(scan, row, row + 1);
                }
            }
        }
        for (Component member : scan.members()) {
            member.shift()[0] = scan.shift();
        }
        return Optional.of(next);
    }

    private void decodeMcus(Scan scan, int[] predictions, int from, int to, int mcusWide) throws JpegDataException {
        Component[] members = scan.members();
        boolean interleaved = scan.interleaved();
        for (int mcu = from; mcu < to; mcu++) {
            int mcuX = mcu % mcusWide;
            int mcuY = mcu / mcusWide;
            for (int m = 0; m < members.length; m++) {
                Component component = members[m];
                int h = interleaved ? component.h() : 1;
                int v = interleaved ? component.v() : 1;
                for (int by = 0; by < v; by++) {
                    int row = (mcuY * v + by) * component.blocksWide() + mcuX * h;
                    for (int bx = 0; bx < h; bx++) {
                        predictions[m] += entropy.decodeDifference(scan.dc()[m]);
                        component.dc()[row + bx] = predictions[m];
                        if (scan.ac() != null) {
                            entropy.skipAc(scan.ac()[m]);
                        }
                    }
                }
            }
        }
    }

    private void markRows(Scan scan, int fromMcuRow, int toMcuRow) {
        for (Component member : scan.members()) {
            int v = scan.interleaved() ? member.v() : 1;
            Arrays.fill(member.rowsDone(), fromMcuRow * v, Math.min(member.blocksHigh(), toMcuRow * v), true);
        }
    }

    private boolean allDone() {
        return Arrays.stream(frame.components()).allMatch(c -> c.shift()[0] >= 0);
    }

    /** Where the marker that ends a scan's data starts, restart markers passed over. */
    private int endOfScan(int from) throws JpegDataException {
        int next = nextMarker(from, null, 0);
        if (next < 0) {
            throw new JpegDataException("a scan runs to the end of the data");
        }
        return next;
    }

    /**
     * The position of the next marker from {@code from} that is neither a restart marker nor a stuffed zero,
     * or -1 when there is none; restart markers passed are recorded in {@code restarts} (when not null), which
     * they must fill exactly, in their cyclic order.
     */
    private int nextMarker(int from, int[] restarts, int expected) throws JpegDataException {
        int found = 0;
        int at = from;
        while (true) {
            at = indexOfFf(at);
            if (at < 0 || at + 1 >= data.length) {
                return -1;
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0 || marker == 0xFF) {
                at += marker == 0 ? 2 : 1;
            } else if (marker >= JpegMarker.RST0 && marker <= JpegMarker.RST7) {
                if (restarts != null) {
                    if (found >= expected || marker - JpegMarker.RST0 != (found & 7)) {
                        throw new JpegDataException("the restart markers are not those the scan needs");
                    }
                    restarts[found] = at;
                }
                found++;
                at += 2;
            } else {
                if (restarts != null && found != expected) {
                    throw new JpegDataException("the restart markers are not those the scan needs");
                }
                return at;
            }
        }
    }

    /** The next 0xFF byte from {@code from}, eight bytes at a time; -1 when there is none. */
    private int indexOfFf(int from) {
        int at = from;
        for (; at + Long.BYTES <= data.length; at += Long.BYTES) {
            long word = (long) LONGS.get(data, at);
            // A byte of ~word is zero where word's is 0xFF; the lowest flagged byte is the first such.
            long flags = (~word - ONES) & word & HIGHS;
            if (flags != 0) {
                return at + (Long.numberOfTrailingZeros(flags) >>> 3);
            }
        }
        for (; at < data.length; at++) {
            if (data[at] == (byte) 0xFF) {
                return at;
            }
        }
        return -1;
    }

    /** The block means as colours, each component's rows left out filled from the nearest decoded one. */
    private DcImage image() throws JpegDataException {
        int width = ceilDiv(frame.width(), 8);
        int height = ceilDiv(frame.height(), 8);
        Component[] components = frame.components();
        int[][] planes = new int[components.length][];
        for (int c = 0; c < components.length; c++) {
            planes[c] = samples(components[c], width, height);
        }
        int[] rgb = new int[width * height];
        boolean rgbComponents = components.length == 3 && (adobeTransform == 0
                || adobeTransform < 0 && !jfif && components[0].id() == 'R' && components[1].id() == 'G'
                && components[2].id() == 'B');
        for (int p = 0; p < rgb.length; p++) {
            if (components.length == 1) {
                int y = planes[0][p];
                rgb[p] = y << 16 | y << 8 | y;
            } else if (rgbComponents) {
                rgb[p] = planes[0][p] << 16 | planes[1][p] << 8 | planes[2][p];
            } else {
                rgb[p] = ycc(planes[0][p], planes[1][p], planes[2][p]);
            }
        }
        return new DcImage(width, height, rgb);
    }

    /** One component's block means (0..255) at 1/8 of the frame's full resolution. */
    private int[] samples(Component component, int width, int height) throws JpegDataException {
        int[] nearest = nearestDoneRows(component.rowsDone());
        int step = quantisation[component.table()][0];
        int shift = component.shift()[0];
        // A DC value read without its low bits lies in [value, value + 2^shift - 1]: take the middle.
        long half = (1L << shift) - 1;
        // Each block's mean once, then spread over the pixels of the 1/8 image it covers.
        int[] means = new int[component.dc().length];
        for (int i = 0; i < means.length; i++) {
            long coefficient = ((long) component.dc()[i] << shift) * 2 + half;
            // The DC coefficient is 8 times the block's mean after the level shift of 128.
            means[i] = (int) Math.max(0, Math.min(255, ((coefficient * step + 8) >> 4) + 128));
        }
        int[] columns = new int[width];
        for (int x = 0; x < width; x++) {
            columns[x] = Math.min(component.blocksWide() - 1, x * component.h() / frame.hMax());
        }
        int[] samples = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = nearest[Math.min(component.blocksHigh() - 1, y * component.v() / frame.vMax())];
            int base = row * component.blocksWide();
            for (int x = 0; x < width; x++) {
                samples[y * width + x] = means[base + columns[x]];
            }
        }
        return samples;
    }

    private static int[] nearestDoneRows(boolean[] done) throws JpegDataException {
        int[] nearest = new int[done.length];
        int last = -1;
        for (int row = 0; row < done.length; row++) {
            if (done[row]) {
                last = row;
            }
            nearest[row] = last;
        }
        if (last < 0) {
            throw new JpegDataException("no row of a component was decoded");
        }
        int next = -1;
        for (int row = done.length - 1; row >= 0; row--) {
            if (done[row]) {
                next = row;
            }
            if (nearest[row] < 0 || next >= 0 && next - row < row - nearest[row]) {
                nearest[row] = next;
            }
        }
        return nearest;
    }

    /** JFIF's YCbCr to RGB, in 16-bit fixed point. */
    private static int ycc(int y, int cb, int cr) {
        int b = cb - 128;
        int r = cr - 128;
        int red = y + ((91881 * r + 32768) >> 16);
        int green = y - ((22554 * b + 46802 * r - 32768) >> 16);
        int blue = y + ((116130 * b + 32768) >> 16);
        return clamp(red) << 16 | clamp(green) << 8 | clamp(blue);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private boolean startsWith(int at, int end, String prefix) {
        if (end - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[at + i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
