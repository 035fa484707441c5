package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.ProcessingEngine;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.StandardPipeline;
import io.imgorigin.processing.probe.Geometry;
import io.imgorigin.codec.turbojpeg.TurboJpegImageReaderSpi;

/** A JPEG as the JPEG fast path serves it, and as the quality reference starts from. */
final class FastPathResults {

    private FastPathResults() {
    }

    /** What the service answers for {@code w=width&f=png} with the native codecs, read back opaque. */
    static BufferedImage served(byte[] jpeg, int width) throws IOException {
        ProcessingEngine.detect(true);
        ImagePipeline pipeline = StandardPipeline.assemble(new StandardPipeline.Settings(new Geometry(8192),
                50_000_000L, 1000, new MemoryBudget(512L << 20, Duration.ofSeconds(5)), true), StageObserver.NONE);
        ProcessedImage result = pipeline.process(jpeg, new ProcessingRequest(
                new OptionsParser(8192, 80).parse("w=" + width + "&f=png").options(), false,
                Deadline.after(Duration.ofMinutes(1))));
        return TestImages.opaque(ImageIO.read(new ByteArrayInputStream(result.bytes())));
    }

    /** The whole JPEG at full size, by libjpeg-turbo. */
    static BufferedImage fullDecode(byte[] jpeg) throws IOException {
        ImageReader reader = new TurboJpegImageReaderSpi().createReaderInstance(null);
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(input, true, true);
            return reader.read(0, null);
        } finally {
            reader.dispose();
        }
    }
}
