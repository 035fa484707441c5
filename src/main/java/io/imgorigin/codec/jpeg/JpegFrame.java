package io.imgorigin.codec.jpeg;

import static io.imgorigin.codec.jpeg.JpegMarker.SOF0_BASELINE;
import static io.imgorigin.codec.jpeg.JpegMarker.SOF10_ARITHMETIC_PROGRESSIVE;
import static io.imgorigin.codec.jpeg.JpegMarker.SOF2_PROGRESSIVE;
import static io.imgorigin.codec.jpeg.JpegMarker.SOF9_ARITHMETIC;

/** The start-of-frame segment of a JPEG: its SOFn marker, sample precision and component count. */
public record JpegFrame(int marker, int precision, int components) {

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
