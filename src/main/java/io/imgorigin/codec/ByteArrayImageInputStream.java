package io.imgorigin.codec;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream over bytes already in memory. Unlike a {@code MemoryCacheImageInputStream} over a
 * {@code ByteArrayInputStream}, it copies nothing into a cache of its own and knows its length, and a reader
 * that needs the whole input as one array (the libjpeg-turbo one) can take the bytes without copying them.
 */
public final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] bytes;

    /** @param bytes read, never modified, and not copied: the caller must not change them while the stream is in use */
    public ByteArrayImageInputStream(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(offset, length, target.length);
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(length, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, target, offset, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }

    /**
     * The bytes from {@code position} to the end. From the start this is the array the stream was made with,
     * not a copy: the caller must only read it.
     */
    public byte[] bytesFrom(long position) {
        Objects.checkIndex(position, bytes.length + 1L);
        return position == 0 ? bytes : Arrays.copyOfRange(bytes, (int) position, bytes.length);
    }
}
