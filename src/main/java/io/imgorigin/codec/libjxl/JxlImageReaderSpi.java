package io.imgorigin.codec.libjxl;

import java.io.IOException;
import java.util.List;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.NativeFormat;
import io.imgorigin.codec.NativeImageReaderSpi;

/** Offers {@link JxlImageReader} to ImageIO for JPEG XL codestreams and containers, where libjxl loads. */
public final class JxlImageReaderSpi extends NativeImageReaderSpi {

    static final NativeFormat JXL = new NativeFormat(JxlLibrary.CODEC_NAME, JxlLibrary.instance(),
            List.of("jxl", "JXL", "jpeg xl", "JPEG XL"), List.of("jxl"), List.of("image/jxl"));

    public JxlImageReaderSpi() {
        super(JXL, "JPEG XL reader backed by libjxl", JxlImageReader.class, null);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream stream) || !JxlLibrary.readsJxl()) {
            return false;
        }
        byte[] head = new byte[JxlSignature.CONTAINER.length];
        stream.mark();
        int n;
        try {
            n = stream.read(head);
        } finally {
            stream.reset();
        }
        return n > 0 && JxlSignature.matches(java.util.Arrays.copyOf(head, n));
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new JxlImageReader(this, JxlLibrary.instance());
    }
}
