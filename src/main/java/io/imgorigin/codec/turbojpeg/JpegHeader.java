package io.imgorigin.codec.turbojpeg;


/** What tjDecompressHeader3 tells about a JPEG: its size, chroma subsampling and colour space (TJSAMP_*, TJCS_*). */
record JpegHeader(int width, int height, int subsampling, int colorspace) {

    boolean isGray() {
        return colorspace == TurboJpegConstants.TJCS_GRAY;
    }

    boolean isFourComponent() {
        return colorspace == TurboJpegConstants.TJCS_CMYK || colorspace == TurboJpegConstants.TJCS_YCCK;
    }
}
