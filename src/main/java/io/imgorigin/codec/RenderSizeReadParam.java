package io.imgorigin.codec;

import javax.imageio.ImageReadParam;

/**
 * Read parameters that take a source render size, so that the decode step asks a reader for the size it
 * needs rather than for point subsampling; each reader says what it makes of the size.
 */
public final class RenderSizeReadParam extends ImageReadParam {

    public RenderSizeReadParam() {
        canSetSourceRenderSize = true;
    }
}
