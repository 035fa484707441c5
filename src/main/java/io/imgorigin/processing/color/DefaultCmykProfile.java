package io.imgorigin.processing.color;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CMYK profile assumed for CMYK and YCCK sources that embed none, as libvips and browsers assume
 * one rather than applying the naive 1 − C − K formula, which renders print separations far too dark
 * and saturated. The profile is basICColor's ISO Coated v2 300%, which the build unpacks from PDFBox;
 * it is parsed once, when this object is made.
 */
public final class DefaultCmykProfile {

    private static final String RESOURCE = "/org/apache/pdfbox/resources/icc/ISOcoated_v2_300_bas.icc";

    private final ICC_ColorSpace colorSpace;

    public DefaultCmykProfile() {
        try (InputStream in = DefaultCmykProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default CMYK profile " + RESOURCE + " is not on the classpath");
            }
            ICC_Profile profile = ICC_Profile.getInstance(in);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_CMYK) {
                throw new IllegalStateException(RESOURCE + " is not a CMYK profile");
            }
            this.colorSpace = new ICC_ColorSpace(profile);
        } catch (IOException e) {
            throw new UncheckedIOException("the default CMYK profile could not be read", e);
        }
    }

    /**
     * Whether the image holds CMYK values that no profile describes: a decoder hands those back in a
     * colour space that is not an ICC one.
     */
    static boolean isUntaggedCmyk(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        return space.getType() == ColorSpace.TYPE_CMYK && !(space instanceof ICC_ColorSpace);
    }

    /** The same pixels, declared to be in this profile's colour space. */
    BufferedImage assignTo(BufferedImage image) {
        ColorModel model = image.getColorModel();
        ColorModel tagged = new ComponentColorModel(colorSpace, model.hasAlpha(), model.isAlphaPremultiplied(),
                model.getTransparency(), model.getTransferType());
        return new BufferedImage(tagged, image.getRaster(), tagged.isAlphaPremultiplied(), null);
    }
}
