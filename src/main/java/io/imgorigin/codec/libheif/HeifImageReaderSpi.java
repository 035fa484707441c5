package io.imgorigin.codec.libheif;

import java.io.IOException;
import java.util.List;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.imgorigin.codec.NativeFormat;
import io.imgorigin.codec.NativeImageReaderSpi;
import io.imgorigin.codec.heif.HeifStructure;

/** Offers {@link HeifImageReader} to ImageIO for AVIF and HEIC files whose coding libheif can decode. */
public final class HeifImageReaderSpi extends NativeImageReaderSpi {

    private static final int BRAND_BYTES = 4096;

    static final NativeFormat HEIF = new NativeFormat(HeifLibrary.CODEC_NAME, HeifLibrary.instance(),
            List.of("heif", "HEIF", "avif", "AVIF", "heic", "HEIC"), List.of("avif", "heic", "heif"),
            List.of("image/avif", "image/heic", "image/heif"));

    public HeifImageReaderSpi() {
        super(HEIF, "AVIF and HEIC reader backed by libheif", HeifImageReader.class, null);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream stream) || !HeifLibrary.instance().available()) {
            return false;
        }
        byte[] head = new byte[BRAND_BYTES];
        stream.mark();
        int n;
        try {
            n = stream.read(head);
        } finally {
            stream.reset();
        }
        String brand = HeifStructure.brand(n <= 0 ? new byte[0] : java.util.Arrays.copyOf(head, n));
        return brand != null && (brand.equals("avif") ? HeifLibrary.readsAvif() : HeifLibrary.readsHeic());
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new HeifImageReader(this, HeifLibrary.instance());
    }
}
