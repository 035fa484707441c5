package io.imgorigin.codec.turbojpeg;

import javax.imageio.ImageReadParam;

/**
 * Read parameters that accept a source render size. Unlike ImageIO's usual meaning the size is a lower
 * bound: the image is decoded at the smallest DCT scale that still covers it on both sides, so the result
 * may be larger than asked but never smaller.
 */
public final class TurboJpegReadParam extends ImageReadParam {

    public TurboJpegReadParam() {
        canSetSourceRenderSize = true;
    }
}
