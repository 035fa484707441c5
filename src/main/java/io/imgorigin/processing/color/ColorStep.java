package io.imgorigin.processing.color;

import io.imgorigin.processing.decode.ImageIoDecoder;

import java.awt.image.BufferedImage;
import java.util.Optional;

import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.ProcessingStep;
import io.imgorigin.processing.pipeline.SourceFormat;

/**
 * Makes the working image 8-bit sRGB (TYPE_INT_RGB, or TYPE_INT_ARGB when the source declares
 * alpha), applying the embedded ICC profile where the decoder did not. The TwelveMonkeys JPEG reader
 * converts RGB, CMYK and YCCK with the embedded profile; the TIFF and PSD readers hand back images in
 * their profile's colour space, which the conversion honours; the JDK PNG reader, the WebP reader and
 * libjpeg-turbo return the raw values. CMYK that no profile describes (a JPEG or TIFF without one)
 * is converted through the default CMYK profile.
 */
public final class ColorStep implements ProcessingStep {

    private static final int CACHED_PROFILES = 32;

    private final IccColorSpaces profiles = new IccColorSpaces(CACHED_PROFILES);
    private final DefaultCmykProfile defaultCmyk;

    public ColorStep(DefaultCmykProfile defaultCmyk) {
        this.defaultCmyk = defaultCmyk;
    }

    @Override
    public String name() {
        return "color";
    }

    @Override
    public void apply(ProcessingContext context) {
        BufferedImage decoded = context.image();
        if (DefaultCmykProfile.isUntaggedCmyk(decoded)) {
            decoded = defaultCmyk.assignTo(decoded);
        }
        // A decoder may hand back an alpha channel the source does not have (a 32-bit BMP's padding
        // byte, a WebP reader that always returns ARGB); only declared alpha counts.
        boolean alpha = decoded.getColorModel().hasAlpha() && context.hasAlpha();
        // Values tagged as plain sRGB are the file's raw RGB unless the decoder is known to have
        // converted them. An image that comes back in another colour space (a TIFF with its profile)
        // is converted from that space, and an RGB profile never describes CMYK data.
        boolean rawRgb = decoded.getColorModel().getColorSpace().isCS_sRGB()
                && decoded.getColorModel().getNumColorComponents() == 3
                && !SrgbConversion.isFloat(decoded.getRaster())
                && !convertedByDecoder(context);
        BufferedImage image = SrgbConversion.toSrgb(decoded, alpha);
        byte[] icc = context.iccProfile();
        if (icc != null && rawRgb) {
            Optional<ProfileConversion> conversion = profiles.rgb(icc);
            if (conversion.isPresent()) {
                image = conversion.get().apply(image, alpha);
            }
        }
        context.image(image);
        context.hasAlpha(alpha);
    }

    /** The TwelveMonkeys JPEG reader applies the embedded profile itself, to RGB, CMYK and YCCK alike. */
    private static boolean convertedByDecoder(ProcessingContext context) {
        return context.sourceFormat() == SourceFormat.JPEG && ImageIoDecoder.IMAGEIO.equals(context.decoder());
    }
}
