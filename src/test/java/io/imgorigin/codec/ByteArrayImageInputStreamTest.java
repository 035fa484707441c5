package io.imgorigin.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class ByteArrayImageInputStreamTest {

    private final byte[] bytes = {1, 2, 3, 4, (byte) 0xFF, 6, 7, 8};

    @Test
    void readsBytesArraysAndNumbersAndKnowsItsLength() throws IOException {
        try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(bytes)) {
            assertThat(stream.length()).isEqualTo(8);
            assertThat(stream.read()).isEqualTo(1);
            byte[] three = new byte[5];
            assertThat(stream.read(three, 1, 3)).isEqualTo(3);
            assertThat(three).containsExactly(0, 2, 3, 4, 0);
            assertThat(stream.read()).isEqualTo(0xFF);
            stream.setByteOrder(ByteOrder.LITTLE_ENDIAN);
            assertThat(stream.readUnsignedShort()).isEqualTo(0x0706);
            assertThat(stream.getStreamPosition()).isEqualTo(7);
            assertThat(stream.read(new byte[4], 0, 4)).isEqualTo(1);
            assertThat(stream.read()).isEqualTo(-1);
            assertThat(stream.read(new byte[4], 0, 4)).isEqualTo(-1);
            assertThat(stream.read(new byte[4], 0, 0)).isZero();
        }
    }

    @Test
    void seeksMarksAndResetsLikeAnyImageInputStream() throws IOException {
        try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(bytes)) {
            stream.seek(5);
            stream.mark();
            assertThat(stream.read()).isEqualTo(6);
            stream.reset();
            assertThat(stream.read()).isEqualTo(6);
            stream.seek(20);
            assertThat(stream.read()).isEqualTo(-1);
            stream.seek(6);
            assertThatThrownBy(() -> stream.readFully(new byte[3])).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void givesItsOwnArrayFromTheStartAndACopyOfTheRestOtherwise() {
        try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(bytes)) {
            assertThat(stream.bytesFrom(0)).isSameAs(bytes);
            assertThat(stream.bytesFrom(6)).containsExactly(7, 8);
            assertThat(stream.bytesFrom(8)).isEmpty();
            assertThatThrownBy(() -> stream.bytesFrom(9)).isInstanceOf(IndexOutOfBoundsException.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void refusesReadsOnceClosed() throws IOException {
        ByteArrayImageInputStream stream = new ByteArrayImageInputStream(bytes);
        stream.close();
        assertThatThrownBy(stream::read).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> stream.read(new byte[2], 0, 2)).isInstanceOf(IOException.class);
    }
}
