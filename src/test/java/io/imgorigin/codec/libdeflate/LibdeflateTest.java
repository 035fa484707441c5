package io.imgorigin.codec.libdeflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

import javax.imageio.IIOException;

import org.junit.jupiter.api.Test;

class LibdeflateTest {

    @Test
    void aLibraryThatCannotBeFoundIsUnavailableWithTheReason() {
        Libdeflate missing = new Libdeflate(List.of("libdeflate-missing.so.9"));

        assertThat(missing.available()).isFalse();
        assertThat(missing.describe()).startsWith("unavailable: ").contains("libdeflate-missing.so.9");
        assertThatThrownBy(() -> missing.inflate(new byte[1], 0, 1, new byte[1]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("libdeflate-missing.so.9");
    }

    @Test
    void inflatesAZlibStreamFromWithinAnArray() throws IIOException {
        Libdeflate libdeflate = installed();
        byte[] original = sample();
        byte[] stream = zlib(original);
        byte[] padded = new byte[stream.length + 20];
        System.arraycopy(stream, 0, padded, 7, stream.length);
        byte[] out = new byte[original.length];

        libdeflate.inflate(padded, 7, stream.length, out);

        assertThat(out).isEqualTo(original);
        assertThat(Libdeflate.instance().describe()).startsWith("libdeflate loaded from ").contains("libdeflate.so");
    }

    @Test
    void refusesAStreamOfAnotherSizeOrWithAWrongChecksum() {
        Libdeflate libdeflate = installed();
        byte[] original = sample();
        byte[] stream = zlib(original);

        assertThatThrownBy(() -> libdeflate.inflate(stream, 0, stream.length, new byte[original.length + 1]))
                .isInstanceOf(IIOException.class).hasMessageContaining("fewer bytes");
        assertThatThrownBy(() -> libdeflate.inflate(stream, 0, stream.length, new byte[original.length - 1]))
                .isInstanceOf(IIOException.class).hasMessageContaining("more bytes");
        byte[] damaged = Arrays.copyOf(stream, stream.length);
        damaged[damaged.length - 1] ^= 1;
        assertThatThrownBy(() -> libdeflate.inflate(damaged, 0, damaged.length, new byte[original.length]))
                .isInstanceOf(IIOException.class).hasMessageContaining("not valid zlib");
    }

    private static Libdeflate installed() {
        assumeTrue(Libdeflate.instance().available(), () -> "libdeflate not loadable: " + Libdeflate.instance().describe());
        return Libdeflate.instance();
    }

    private static byte[] sample() {
        byte[] bytes = new byte[50_000];
        Random random = new Random(3);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i / 100 + random.nextInt(4));
        }
        return bytes;
    }

    private static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 1024];
        int length = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, length);
    }
}
