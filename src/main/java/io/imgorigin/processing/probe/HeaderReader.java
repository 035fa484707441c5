package io.imgorigin.processing.probe;

import java.util.Optional;

import io.imgorigin.codec.svg.SvgProlog;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Recognises a source by its magic bytes and reads its header with imgorigin's own parsers, so
 * that sizes are known (and limits enforced) before any decoder allocates pixels.
 */
public final class HeaderReader {

    /**
     * @throws UnsupportedImageException when the bytes are not a format imgorigin reads (415)
     * @throws UnusableImageException    when they are, but the header is truncated or corrupt (422)
     */
    public ImageHeader read(byte[] source) {
        try {
            if (JpegHeaderParser.matches(source)) {
                return JpegHeaderParser.parse(source);
            }
            if (PngHeaderParser.matches(source)) {
                return PngHeaderParser.parse(source);
            }
            if (GifHeaderParser.matches(source)) {
                return GifHeaderParser.parse(source);
            }
            if (WebpHeaderParser.matches(source)) {
                return WebpHeaderParser.parse(source);
            }
            if (TiffHeaderParser.matches(source)) {
                return TiffHeaderParser.parse(source);
            }
            if (BmpHeaderParser.matches(source)) {
                return BmpHeaderParser.parse(source);
            }
            if (PsdHeaderParser.matches(source)) {
                return PsdHeaderParser.parse(source);
            }
            if (IcoHeaderParser.matches(source)) {
                return IcoHeaderParser.parse(source);
            }
            if (HeifHeaderParser.matches(source)) {
                return HeifHeaderParser.parse(source);
            }
            if (JxlHeaderParser.matches(source)) {
                return JxlHeaderParser.parse(source);
            }
            Optional<SvgProlog> svg = SvgHeaderParser.recognise(source);
            if (svg.isPresent()) {
                return SvgHeaderParser.parse(svg.get());
            }
        } catch (ArithmeticException e) {
            throw new UnusableImageException("the image header declares sizes too large to compute", e);
        }
        throw new UnsupportedImageException("the source is not a JPEG, PNG, WebP, GIF, TIFF, BMP, PSD, AVIF, HEIC, JPEG XL, ICO or SVG image");
    }
}
