package io.imgorigin.codec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.ToIntFunction;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * An ImageIO reader of one image that decodes the whole input from memory, as the native codecs do: it
 * remembers where its input starts, reads it all as one array and its header on first need, and forgets
 * both when the input changes. No metadata is read.
 *
 * @param <H> what the reader makes of the header
 */
public abstract class WholeInputImageReader<H> extends ImageReader {

    private static final int READ_CHUNK = 64 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String format;
    private final ToIntFunction<H> width;
    private final ToIntFunction<H> height;
    private long streamStart;
    private byte[] input;
    private H header;

    /** @param format names the input in errors, for example "JPEG" */
    protected WholeInputImageReader(ImageReaderSpi provider, String format, ToIntFunction<H> width,
            ToIntFunction<H> height) {
        super(provider);
        this.format = format;
        this.width = width;
        this.height = height;
    }

    /** The header of the whole input, or an IIOException when it is not one this reader decodes. */
    protected abstract H readHeader(byte[] input) throws IOException;

    /** The BufferedImage type {@link #decode} makes. */
    protected abstract int imageType(byte[] input, H header) throws IOException;

    /** The image, as the parameters ask for it; those asking for what no such reader does are refused before. */
    protected abstract BufferedImage decode(byte[] input, H header, ImageReadParam param) throws IOException;

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

    @Override
    public int getWidth(int imageIndex) throws IOException {
        return width.applyAsInt(header(imageIndex));
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        return height.applyAsInt(header(imageIndex));
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        H parsed = header(imageIndex);
        return List.of(ImageTypeSpecifier.createFromBufferedImageType(imageType(input, parsed))).iterator();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) throws IOException {
        header(imageIndex);
        return null;
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        H parsed = header(imageIndex);
        rejectUnsupported(param);
        clearAbortRequest();
        processImageStarted(imageIndex);
        BufferedImage image = decode(input, parsed, param);
        processImageComplete();
        return image;
    }

    private H header(int imageIndex) throws IOException {
        if (imageIndex != 0) {
            throw new IndexOutOfBoundsException("this reader reads one image of a " + format + ", not image "
                    + imageIndex);
        }
        if (header == null) {
            byte[] bytes = readAll(requireInput(), streamStart, format);
            header = readHeader(bytes);
            input = bytes;
        }
        return header;
    }

    private void forget() {
        input = null;
        header = null;
    }

    /** Refuses the read parameters these readers do not implement: they always make their own image. */
    private static void rejectUnsupported(ImageReadParam param) throws IIOException {
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
    private static byte[] readAll(ImageInputStream stream, long start, String format) throws IOException {
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
