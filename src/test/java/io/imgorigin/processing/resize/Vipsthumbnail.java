package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/** libvips' thumbnailer as the quality comparisons run it: default options, PNG out, read back opaque. */
final class Vipsthumbnail {

    private Vipsthumbnail() {
    }

    static boolean installed() {
        return TestImages.onPath("vipsthumbnail");
    }

    /** @param size vipsthumbnail's {@code -s} argument: a bounding box such as {@code 400} or {@code 400x1000000} */
    static BufferedImage thumbnail(Path input, String size) throws IOException, InterruptedException {
        Path output = Files.createTempFile("vipsthumbnail", ".png");
        try {
            Process vips = new ProcessBuilder("vipsthumbnail", input.toString(), "-s", size, "-o", output.toString())
                    .redirectErrorStream(true).start();
            String messages = new String(vips.getInputStream().readAllBytes());
            if (!vips.waitFor(60, TimeUnit.SECONDS) || vips.exitValue() != 0) {
                throw new IOException("vipsthumbnail failed on " + input + ": " + messages);
            }
            return TestImages.opaque(ImageIO.read(output.toFile()));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
