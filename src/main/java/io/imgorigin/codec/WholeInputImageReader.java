package io.imgorigin.codec;

import java.io.IOException;
import java.util.Arrays;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * An ImageIO reader of one image that decodes the whole input from memory, as the native codecs do: it
 * remembers where its input starts, reads it all as one array on demand, and forgets what it derived
 * from an input when the input changes.
 */
public abstract class WholeInputImageReader extends ImageReader {

    private static final int READ_CHUNK = 64 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private long streamStart;

    protected WholeInputImageReader(ImageReaderSpi provider) {
        super(provider);
    }

    /** Drops whatever was read from or derived from the previous input. */
    protected abstract void forget();

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        forget();
        if (input instanceof ImageInputStream stream) {
            try {
                streamStart = stream.getStreamPosition();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the input's position", e);
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        forget();
    }

    @Override
    public int getNumImages(boolean allowSearch) throws IOException {
        requireInput();
        return 1;
    }

    /**
     * The input from where it was set to its end.
     *
     * @param format names the input in the error for one too large for an array
     */
    protected byte[] wholeInput(String format) throws IOException {
        return read(requireInput(), streamStart, format);
    }

    /** Refuses the read parameters these readers do not implement: they always make their own image. */
    protected static void rejectUnsupported(ImageReadParam param) throws IIOException {
        if (param == null) {
            return;
        }
        if (param.getDestination() != null || param.getDestinationType() != null) {
            throw new IIOException("this reader creates its own destination image");
        }
        if (param.getSourceBands() != null || param.getDestinationBands() != null) {
            throw new IIOException("this reader does not select bands");
        }
        if (param.getDestinationOffset().x != 0 || param.getDestinationOffset().y != 0) {
            throw new IIOException("this reader does not offset its destination");
        }
    }

    private ImageInputStream requireInput() {
        if (!(getInput() instanceof ImageInputStream stream)) {
            throw new IllegalStateException("input is not set");
        }
        return stream;
    }

    /**
     * The stream from {@code start} to its end. Bytes already held in one array are used as they are (the
     * caller must only read them); a stream that knows its length is read into an array of exactly that
     * size; otherwise the array grows as needed and is trimmed once at the end.
     */
    private static byte[] read(ImageInputStream stream, long start, String format) throws IOException {
        if (stream instanceof ByteArrayImageInputStream inMemory) {
            return inMemory.bytesFrom(start);
        }
        stream.seek(start);
        long length = stream.length();
        if (length >= start && length - start <= MAX_ARRAY) {
            byte[] bytes = new byte[(int) (length - start)];
            stream.readFully(bytes);
            return bytes;
        }
        byte[] bytes = new byte[READ_CHUNK];
        int size = 0;
        int n;
        while ((n = stream.read(bytes, size, bytes.length - size)) > 0) {
            size += n;
            if (size == bytes.length) {
                if (size == MAX_ARRAY) {
                    throw new IIOException("the " + format + " is larger than " + MAX_ARRAY + " bytes");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) size * 2, MAX_ARRAY));
            }
        }
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
