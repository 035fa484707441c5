package io.imgorigin.processing.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.imgorigin.codec.NativeCodec;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.codec.spng.SpngLibrary;

/**
 * How the decode step treats a native reader registered ahead of the others (as the libjpeg-turbo
 * one is): used only when native codecs are on, given the render size it can scale to, and passed
 * over for the next reader when it fails. A stand-in native reader claims PNGs and paints them grey.
 */
class NativeCodecSelectionTest {

    private static final int PAINT = 0x404040;

    private final IIORegistry registry = IIORegistry.getDefaultInstance();
    private StandInSpi registered;

    @AfterEach
    void unregister() {
        if (registered != null) {
            registry.deregisterServiceProvider(registered, ImageReaderSpi.class);
        }
    }

    @Test
    void nativeReaderIsUsedOnlyWhenNativeCodecsAreOn() {
        register(false);
        byte[] png = TestImageBytes.encode(TestImageBytes.marked(40, 30, BufferedImage.TYPE_INT_RGB), "png");
        try (ProcessingContext context = new FrontPipeline(true).run(png, "")) {
            assertThat(context.decoder()).isEqualTo("stand-in");
            assertThat(context.image().getRGB(2, 2) & 0xFFFFFF).isEqualTo(PAINT);
        }
        try (ProcessingContext context = new FrontPipeline(false).run(png, "")) {
            assertThat(context.decoder()).isEqualTo("imageio");
            assertThat(context.image().getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        }
    }

    @Test
    void aFailingReaderHandsOverToTheNext() {
        register(true);
        byte[] png = TestImageBytes.encode(TestImageBytes.marked(40, 30, BufferedImage.TYPE_INT_RGB), "png");
        try (ProcessingContext context = new FrontPipeline(true).run(png, "")) {
            // The next reader is libspng's when it is installed (native readers go first), else the JDK's.
            assertThat(context.decoder()).isEqualTo(SpngLibrary.instance().available() ? "spng" : "imageio");
            assertThat(context.image().getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        }
    }

    @Test
    void aScalingReaderIsAskedForTwiceTheScaledSize() {
        register(false);
        byte[] png = TestImageBytes.encode(TestImageBytes.marked(1200, 900, BufferedImage.TYPE_INT_RGB), "png");
        try (ProcessingContext context = new FrontPipeline(true).run(png, "w=100")) {
            assertThat(context.image().getWidth()).isEqualTo(200);
            assertThat(context.image().getHeight()).isEqualTo(150);
        }
    }

    private void register(boolean failing) {
        registered = new StandInSpi(failing);
        registry.registerServiceProvider(registered, ImageReaderSpi.class);
        Iterator<ImageReaderSpi> others = registry.getServiceProviders(ImageReaderSpi.class, true);
        while (others.hasNext()) {
            ImageReaderSpi other = others.next();
            if (other != registered && List.of(other.getFormatNames()).contains("png")) {
                registry.setOrdering(ImageReaderSpi.class, registered, other);
            }
        }
    }

    private static final class StandInSpi extends ImageReaderSpi implements NativeCodec {

        private final boolean failing;

        StandInSpi(boolean failing) {
            super("imgorigin-test", "1", new String[] {"png"}, new String[] {"png"}, new String[] {"image/png"},
                    StandInReader.class.getName(), new Class<?>[] {ImageInputStream.class}, null, false, null, null,
                    null, null, false, null, null, null, null);
            this.failing = failing;
        }

        @Override
        public boolean canDecodeInput(Object source) throws IOException {
            ImageInputStream stream = (ImageInputStream) source;
            stream.mark();
            try {
                return stream.read() == 0x89 && stream.read() == 'P';
            } finally {
                stream.reset();
            }
        }

        @Override
        public ImageReader createReaderInstance(Object extension) {
            return new StandInReader(this, failing);
        }

        @Override
        public String getDescription(Locale locale) {
            return "stand-in native reader";
        }

        @Override
        public String codecName() {
            return "stand-in";
        }
    }

    private static final class StandInReader extends ImageReader {

        private final boolean failing;

        StandInReader(ImageReaderSpi spi, boolean failing) {
            super(spi);
            this.failing = failing;
        }

        @Override
        public ImageReadParam getDefaultReadParam() {
            return new ImageReadParam() {
                {
                    canSetSourceRenderSize = true;
                }
            };
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
            if (failing) {
                throw new IIOException("the stand-in reader always fails");
            }
            Dimension size = param.getSourceRenderSize() == null ? new Dimension(getWidth(0), getHeight(0))
                    : param.getSourceRenderSize();
            BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size.height; y++) {
                for (int x = 0; x < size.width; x++) {
                    image.setRGB(x, y, PAINT);
                }
            }
            return image;
        }

        @Override
        public int getWidth(int imageIndex) throws IOException {
            return header(16);
        }

        @Override
        public int getHeight(int imageIndex) throws IOException {
            return header(20);
        }

        private int header(int offset) throws IOException {
            ImageInputStream stream = (ImageInputStream) getInput();
            stream.seek(offset);
            return stream.readInt();
        }

        @Override
        public int getNumImages(boolean allowSearch) {
            return 1;
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
            return List.of(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_RGB)).iterator();
        }

        @Override
        public IIOMetadata getStreamMetadata() {
            return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
            return null;
        }
    }
}
