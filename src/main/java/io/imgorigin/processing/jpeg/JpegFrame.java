package io.imgorigin.processing.jpeg;

/** The start-of-frame segment of a JPEG: its SOFn marker (0xC0..0xCF), sample precision and component count. */
record JpegFrame(int marker, int precision, int components) {

    private static final int SOF0_BASELINE = 0xC0;
    private static final int SOF2_PROGRESSIVE = 0xC2;

    /**
     * Whether TurboJPEG decodes this frame into the pixels the pipeline expects: 8-bit Huffman-coded
     * baseline, extended or progressive, gray or three-component. Arithmetic coding, lossless and
     * hierarchical frames, other precisions and CMYK/YCCK are left to other readers.
     */
    boolean decodableByTurboJpeg() {
        return marker >= SOF0_BASELINE && marker <= SOF2_PROGRESSIVE
                && precision == 8
                && (components == 1 || components == 3);
    }
}
