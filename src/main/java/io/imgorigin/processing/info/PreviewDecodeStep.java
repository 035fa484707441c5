package io.imgorigin.processing.info;

import java.awt.Dimension;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.SourceFormat;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.Geometry;

/**
 * The small decode an info request needs, with the image steps' colour conversion. A camera's or phone's JPEG
 * carries a preview of about 160×120 in its EXIF block, which decodes in a fraction of a millisecond; it is
 * used when its aspect ratio is the image's (within 2 %: some cameras letterbox it) and it decodes. Otherwise
 * the source itself is decoded small ({@link DcDecodeStep}, or shrunk on load). Orientation is left to the
 * orient step: the preview is stored as the image is.
 */
public final class PreviewDecodeStep implements ProcessingStep {

    private static final double ASPECT_TOLERANCE = 0.02;

    private final ProcessingStep decode;
    private final ProcessingStep sourceDecode;
    private final ProcessingStep color;
    private final Geometry geometry;

    /**
     * @param decode       decodes the preview
     * @param sourceDecode decodes the source, shrunk, where there is no preview to use
     */
    public PreviewDecodeStep(ProcessingStep decode, ProcessingStep sourceDecode, ProcessingStep color,
            Geometry geometry) {
        this.decode = decode;
        this.sourceDecode = sourceDecode;
        this.color = color;
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public void apply(ProcessingContext context) {
        ExifThumbnail preview = context.sourceFormat() == SourceFormat.JPEG ? ExifThumbnail.find(context.source()) : null;
        if (preview != null && matches(preview.size(), context.storedWidth(), context.storedHeight())
                && decodedPreview(context, preview)) {
            return;
        }
        sourceDecode.apply(context);
        color.apply(context);
    }

    static boolean matches(Dimension preview, int width, int height) {
        if (preview.width > width || preview.height > height) {
            return false;
        }
        double aspect = (double) width / height;
        double previewAspect = (double) preview.width / preview.height;
        return Math.abs(previewAspect / aspect - 1) <= ASPECT_TOLERANCE;
    }

    /** Decodes the preview in a context of its own and takes its image; false when it does not decode. */
    private boolean decodedPreview(ProcessingContext context, ExifThumbnail preview) {
        try (ProcessingContext inner = new ProcessingContext(preview.bytes(), context.request())) {
            inner.sourceFormat(SourceFormat.JPEG);
            inner.storedSize(preview.size().width, preview.size().height);
            inner.orientation(context.orientation());
            inner.iccProfile(context.iccProfile());
            boolean transposed = inner.transposed();
            inner.plan(geometry.plan(transposed ? preview.size().height : preview.size().width,
                    transposed ? preview.size().width : preview.size().height, context.request().options()));
            decode.apply(inner);
            color.apply(inner);
            context.image(inner.image());
            context.extent(null);
            context.decoder(inner.decoder());
            return true;
        } catch (UnusableImageException | UnsupportedImageException e) {
            return false;
        }
    }
}
