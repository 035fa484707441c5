package io.imgorigin.processing.info;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Optional;

import io.imgorigin.codec.jpeg.DcImageReader;
import io.imgorigin.codec.jpeg.DcImageReader.DcImage;
import io.imgorigin.codec.jpeg.JpegDataException;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.SourceFormat;

/**
 * The small decode of a JPEG for an info request from its DC coefficients alone ({@link DcImageReader}): a
 * 1/8 image whose pixels are the 8×8 block means, read from a progressive file's first DC scans, from a
 * sample of a sequential file's restart intervals, or from every block's DC code of a sequential file without
 * them. Whatever that reader leaves (other formats, CMYK, 12-bit, arithmetic coding) or finds malformed goes
 * to {@code decode}, which also says what is wrong with a broken file.
 */
public final class DcDecodeStep implements ProcessingStep {

    /** Names the decoder for the colour step: these are the file's raw values, its ICC profile still to apply. */
    public static final String DECODER = "jpeg-dc";

    private final ProcessingStep decode;
    private final long maxPixels;

    public DcDecodeStep(ProcessingStep decode, long maxPixels) {
        this.decode = decode;
        this.maxPixels = maxPixels;
    }

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public void apply(ProcessingContext context) {
        Optional<DcImage> dc = context.sourceFormat() == SourceFormat.JPEG ? read(context.source()) : Optional.empty();
        if (dc.isPresent() && dc.get().width() == ceilEighth(context.storedWidth())
                && dc.get().height() == ceilEighth(context.storedHeight())) {
            context.image(toImage(dc.get()));
            context.extent(null);
            context.decoder(DECODER);
            return;
        }
        decode.apply(context);
    }

    private Optional<DcImage> read(byte[] jpeg) {
        try {
            return DcImageReader.read(jpeg, maxPixels);
        } catch (JpegDataException e) {
            return Optional.empty(); // the full decoder tolerates what it can and reports the rest
        }
    }

    private static BufferedImage toImage(DcImage dc) {
        BufferedImage image = new BufferedImage(dc.width(), dc.height(), BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(dc.rgb(), 0, pixels, 0, pixels.length);
        return image;
    }

    private static int ceilEighth(int size) {
        return (size + 7) / 8;
    }
}
