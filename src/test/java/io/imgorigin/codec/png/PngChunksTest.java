package io.imgorigin.codec.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.imgorigin.codec.png.PngChunks.Chunk;
import io.imgorigin.codec.png.PngChunks.TruncatedChunkException;
import io.imgorigin.processing.decode.TestImageBytes;

class PngChunksTest {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final byte[] png = concat(SIGNATURE, chunk("IHDR", ByteBuffer.allocate(13).putInt(3).putInt(2)
            .put((byte) 8).put((byte) 2).array()), chunk("tRNS", new byte[6]), chunk("IDAT", new byte[5]),
            chunk("IDAT", new byte[0]), chunk("IEND", new byte[0]));

    @Test
    void walksTypesAndDataFromChunkToChunk() throws TruncatedChunkException {
        assertThat(walk(png, PngChunks.SIGNATURE_LENGTH)).containsExactly(
                new Chunk(PngChunks.IHDR, 16, 13),
                new Chunk(PngChunks.TRNS, 41, 6),
                new Chunk(PngChunks.IDAT, 59, 5),
                new Chunk(PngChunks.IDAT, 76, 0),
                new Chunk(PngChunks.IEND, 88, 0));
    }

    @Test
    void checksCrcsOnRequest() throws TruncatedChunkException {
        PngChunks chunks = new PngChunks(png, PngChunks.SIGNATURE_LENGTH);
        Chunk ihdr = chunks.next();
        assertThat(chunks.crcMatches(ihdr)).isTrue();

        byte[] damaged = png.clone();
        damaged[20]++;
        assertThat(new PngChunks(damaged, 0).crcMatches(ihdr)).isFalse();
    }

    @Test
    void aChunkMayLoseItsCrcButNotItsData() throws TruncatedChunkException {
        byte[] noCrc = Arrays.copyOf(png, png.length - 2);
        List<Chunk> chunks = walk(noCrc, PngChunks.SIGNATURE_LENGTH);
        Chunk end = chunks.getLast();
        assertThat(end.type()).isEqualTo(PngChunks.IEND);
        assertThat(new PngChunks(noCrc, 0).crcMatches(end)).isFalse();

        byte[] cutInData = Arrays.copyOf(png, 41 + 3);
        PngChunks walk = new PngChunks(cutInData, PngChunks.SIGNATURE_LENGTH);
        walk.next();
        assertThatThrownBy(walk::next).isInstanceOfSatisfying(TruncatedChunkException.class,
                e -> assertThat(e.type()).isEqualTo(PngChunks.TRNS));
    }

    @Test
    void lengthsAboveTwoToTheThirtyOneAreReadUnsigned() throws TruncatedChunkException {
        for (int length : new int[] {0x8000_0000, 0xFFFF_FFF4, 0xFFFF_FFFF, 0x7FFF_FFFF}) {
            byte[] hostile = png.clone();
            ByteBuffer.wrap(hostile).putInt(33, length);
            PngChunks walk = new PngChunks(hostile, PngChunks.SIGNATURE_LENGTH);
            walk.next();
            assertThatThrownBy(walk::next).as("length %08X", length).isInstanceOf(TruncatedChunkException.class);
        }
    }

    @Test
    void endsWhereNoChunkHeadFits() throws TruncatedChunkException {
        assertThat(new PngChunks(png, png.length - 7).next()).isNull();
        assertThat(new PngChunks(png, png.length).next()).isNull();
        assertThat(new PngChunks(new byte[0], 0).next()).isNull();
    }

    @Test
    void theImageHeaderOpensEveryPng() {
        assertThat(PngChunks.imageHeader(png)).contains(new Chunk(PngChunks.IHDR, 16, 13));
        assertThat(PngChunks.imageHeader(Arrays.copyOf(png, 29))).as("without its CRC").isPresent();
        assertThat(PngChunks.imageHeader(Arrays.copyOf(png, 28))).isEmpty();
        assertThat(PngChunks.imageHeader(concat(SIGNATURE, chunk("IHDR", new byte[12])))).isEmpty();
        assertThat(PngChunks.imageHeader(concat(SIGNATURE, chunk("IDAT", new byte[13])))).isEmpty();
        byte[] noSignature = png.clone();
        noSignature[1] = 'p';
        assertThat(PngChunks.imageHeader(noSignature)).isEmpty();
        assertThat(PngChunks.hasSignature(noSignature)).isFalse();
        assertThat(PngChunks.hasSignature(SIGNATURE)).isTrue();
    }

    @Test
    void typesAndCriticality() {
        assertThat(PngChunks.u32("IDAT".getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(PngChunks.IDAT)
                .isEqualTo(0x49444154);
        assertThat(PngChunks.u32(new byte[] {(byte) 0xFF, 0, 0, 1}, 0)).isEqualTo(0xFF00_0001);
        assertThat(PngChunks.isCritical(PngChunks.PLTE)).isTrue();
        assertThat(PngChunks.isCritical(PngChunks.TRNS)).isFalse();
        assertThat(PngChunks.isCritical(PngChunks.ICCP)).isFalse();
    }

    @Test
    void anyBytesEndTheWalkWithinOneChunkPerTwelveBytes() {
        Random random = new Random(11);
        for (int n = 0; n < 2000; n++) {
            byte[] data = png.clone();
            for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                data[random.nextInt(data.length)] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(256));
            }
            PngChunks chunks = new PngChunks(data, PngChunks.SIGNATURE_LENGTH);
            int count = 0;
            try {
                while (chunks.next() != null) {
                    count++;
                }
            } catch (TruncatedChunkException e) {
                // Ends the walk as well.
            }
            assertThat(count).isLessThanOrEqualTo(data.length / 12 + 1);
        }
    }

    private static List<Chunk> walk(byte[] data, int from) throws TruncatedChunkException {
        PngChunks chunks = new PngChunks(data, from);
        List<Chunk> all = new ArrayList<>();
        for (Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
            all.add(chunk);
        }
        return all;
    }

    private static byte[] chunk(String type, byte[] data) {
        return TestImageBytes.pngChunk(type, data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
