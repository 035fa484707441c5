package io.imgorigin.processing.pipeline;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;

import io.imgorigin.processing.pipeline.ResizePlan;

/**
 * The state one request carries from step to step. Each step reads what earlier steps left and
 * replaces what it changes; no step keeps state of its own between requests.
 */
public final class ProcessingContext implements AutoCloseable {

    private byte[] source;
    private final ProcessingRequest request;

    private SourceFormat sourceFormat;
    /** Pixel size of the source as stored (before orientation). */
    private int storedWidth;
    private int storedHeight;
    /** EXIF/TIFF orientation 1..8; 1 when absent. */
    private int orientation = 1;
    /** Frames or pages the header declares; -1 when it does not tell. */
    private int frames = 1;
    private ResizePlan plan;
    private BufferedImage image;
    private ImageExtent extent;
    private boolean hasAlpha;
    private byte[] iccProfile;
    private String decoder;
    private OutputFormat outputFormat;
    private ProcessedImage result;
    private ImageInfo info;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    public ProcessingContext(byte[] source, ProcessingRequest request) {
        this.source = source;
        this.request = request;
    }

    /** The bytes the decoder reads: the original, or a preview a step found embedded in it (see info). */
    public byte[] source() { return source; }
    public void source(byte[] value) { source = value; }
    public ProcessingRequest request() { return request; }

    public SourceFormat sourceFormat() { return sourceFormat; }
    public void sourceFormat(SourceFormat value) { sourceFormat = value; }

    public int storedWidth() { return storedWidth; }
    public int storedHeight() { return storedHeight; }
    public void storedSize(int width, int height) { storedWidth = width; storedHeight = height; }

    public int orientation() { return orientation; }
    public void orientation(int value) { orientation = value; }

    public int frames() { return frames; }
    public void frames(int value) { frames = value; }

    /** Whether orientation swaps width and height (values 5 to 8). */
    public boolean transposed() { return orientation >= 5 && orientation <= 8; }

    public ResizePlan plan() { return plan; }
    public void plan(ResizePlan value) { plan = value; }

    /** The working image: after decoding always 8-bit sRGB, TYPE_INT_RGB or TYPE_INT_ARGB. */
    public BufferedImage image() { return image; }
    public void image(BufferedImage value) { image = value; }

    /**
     * What the whole source spans in the working image's pixels; the image's own size unless a step set
     * something else (the decoder after shrinking on load, until the resize consumes it).
     */
    public ImageExtent extent() { return extent != null ? extent : ImageExtent.of(image); }
    public void extent(ImageExtent value) { extent = value; }

    public boolean hasAlpha() { return hasAlpha; }
    public void hasAlpha(boolean value) { hasAlpha = value; }

    /** The source's embedded ICC profile, or null; read from the header for the colour step. */
    public byte[] iccProfile() { return iccProfile; }
    public void iccProfile(byte[] value) { iccProfile = value; }

    /** Which decoder produced the working image (e.g. "turbojpeg", "imageio"), or null before decoding. */
    public String decoder() { return decoder; }
    public void decoder(String value) { decoder = value; }

    public OutputFormat outputFormat() { return outputFormat; }
    public void outputFormat(OutputFormat value) { outputFormat = value; }

    public ProcessedImage result() { return result; }
    public void result(ProcessedImage value) { result = value; }

    /** What an info request answers, filled in by the info steps. */
    public ImageInfo info() { return info; }
    public void info(ImageInfo value) { info = value; }

    /** Registers something to give back when the request's processing ends, whatever the outcome. */
    public void onClose(AutoCloseable resource) { resources.push(resource); }

    @Override
    public void close() {
        image = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release a processing resource", e);
            }
        }
    }
}
