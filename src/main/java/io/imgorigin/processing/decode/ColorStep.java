package io.imgorigin.processing.decode;

import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.util.Optional;

import io.imgorigin.processing.ProcessingContext;
import io.imgorigin.processing.ProcessingStep;
import io.imgorigin.processing.SourceFormat;

/**
 * Makes the working image 8-bit sRGB (TYPE_INT_RGB, or TYPE_INT_ARGB when the source declares
 * alpha), applying the embedded ICC profile where the decoder did not. The TwelveMonkeys JPEG, TIFF
 * and PSD readers already convert with the embedded profile (CMYK and YCCK included, with a generic
 * CMYK profile when none is embedded), or hand back an image in the profile's colour space, which the
 * conversion then honours; the JDK PNG and the WebP readers, and libjpeg-turbo, return the raw values.
 */
public final class ColorStep implements ProcessingStep {

    private static final int CACHED_PROFILES = 32;

    private final IccColorSpaces profiles = new IccColorSpaces(CACHED_PROFILES);

    @Override
    public String name() {
        return "color";
    }

    @Override
    public void apply(ProcessingContext context) {
        BufferedImage decoded = context.image();
        // A decoder may hand back an alpha channel the source does not have (a 32-bit BMP's padding
        // byte, a WebP reader that always returns ARGB); only declared alpha counts.
        boolean alpha = decoded.getColorModel().hasAlpha() && context.hasAlpha();
        boolean rawRgb = decoded.getColorModel().getColorSpace().isCS_sRGB()
                && decoded.getColorModel().getNumColorComponents() == 3;
        BufferedImage image = SrgbConversion.toSrgb(decoded, alpha);
        byte[] icc = context.iccProfile();
        if (icc != null && rawRgb && !decoderAppliesProfile(context)) {
            Optional<ICC_ColorSpace> space = profiles.rgb(icc);
            if (space.isPresent()) {
                image = SrgbConversion.fromProfile(image, space.get(), alpha);
            }
        }
        context.image(image);
        context.hasAlpha(alpha);
    }

    private static boolean decoderAppliesProfile(ProcessingContext context) {
        SourceFormat format = context.sourceFormat();
        boolean twelveMonkeys = format == SourceFormat.JPEG || format == SourceFormat.TIFF || format == SourceFormat.PSD;
        return "imageio".equals(context.decoder()) && twelveMonkeys;
    }
}
