package io.imgorigin.codec.jpeg;

/** The start-of-frame segment of a JPEG: its SOFn marker (0xC0..0xCF), sample precision and component count. */
public record JpegFrame(int marker, int precision, int components) {

    private static final int SOF0_BASELINE = 0xC0;
    private static final int SOF2_PROGRESSIVE = 0xC2;
    private static final int SOF9_ARITHMETIC = 0xC9;
    private static final int SOF10_ARITHMETIC_PROGRESSIVE = 0xCA;

    /**
     * Whether TurboJPEG decodes this frame into the pixels the pipeline expects: 8-bit baseline, extended
     * or progressive, Huffman- or arithmetic-coded (the pure-Java readers cannot decode arithmetic coding
     * at all), gray or three-component. Lossless and hierarchical frames, other precisions and CMYK/YCCK
     * are left to other readers.
     */
    public boolean decodableByTurboJpeg() {
        boolean coding = marker >= SOF0_BASELINE && marker <= SOF2_PROGRESSIVE
                || marker == SOF9_ARITHMETIC || marker == SOF10_ARITHMETIC_PROGRESSIVE;
        return coding
                && precision == 8
                && (components == 1 || components == 3);
    }
}
