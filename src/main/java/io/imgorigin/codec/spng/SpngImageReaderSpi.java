package io.imgorigin.codec.spng;

import io.imgorigin.codec.libdeflate.Libdeflate;
import io.imgorigin.codec.png.PngHeader;

import java.io.IOException;
import java.util.List;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.NativeFormat;
import io.imgorigin.codec.NativeImageReaderSpi;

/** Offers {@link SpngImageReader} to ImageIO for files that start with a valid PNG header. */
public final class SpngImageReaderSpi extends NativeImageReaderSpi {

    static final NativeFormat PNG = new NativeFormat(SpngLibrary.CODEC_NAME, SpngLibrary.instance(),
            List.of("png", "PNG"), List.of("png"), List.of("image/png", "image/x-png"));

    public SpngImageReaderSpi() {
        super(PNG, "PNG reader backed by libspng", SpngImageReader.class, null);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream stream) || !SpngLibrary.instance().available()) {
            return false;
        }
        stream.mark();
        try {
            return PngHeader.read(stream).isPresent();
        } finally {
            stream.reset();
        }
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new SpngImageReader(this, SpngLibrary.instance(), Libdeflate.instance());
    }
}
