package io.imgorigin.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.admit.MemoryBudget;
import io.imgorigin.processing.decode.TestImageBytes;
import io.imgorigin.processing.pipeline.Deadline;
import io.imgorigin.processing.pipeline.ImagePipeline;
import io.imgorigin.processing.pipeline.ProcessedImage;
import io.imgorigin.processing.pipeline.ProcessingRequest;
import io.imgorigin.processing.pipeline.StageObserver;
import io.imgorigin.processing.pipeline.UnusableImageException;
import io.imgorigin.processing.probe.Geometry;

/**
 * The editing options through the whole pipeline: a crop of a lossless source is exactly the reference cut,
 * and crop coordinates are those of the upright image whatever the EXIF orientation, with the native JPEG
 * codec and without it.
 */
class EditsPipelineTest {

    private final OptionsParser parser = new OptionsParser(8192, 80);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"crop=5,6,10,8", "crop=0,0,40,30", "crop=39,29,5,5", "crop=12,3,20,20&rot=90",
            "crop=1,2,30,20&flip=hv", "trim=0&crop=1,1,3,3"})
    void aLosslessCropIsExactlyTheReferenceCut(String query) {
        BufferedImage source = noise(40, 30);
        BufferedImage result = decode(process(true, png(source), query + "&f=png").bytes());

        BufferedImage expected = reference(source, query);
        assertThat(result.getWidth()).isEqualTo(expected.getWidth());
        assertThat(result.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(result.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    /**
     * Stored 64×48 with red, green, blue and yellow quadrants (clockwise from the top left), EXIF orientation
     * 6: upright it is 48×64 with blue, red, green and yellow quadrants (clockwise from the top left).
     */
    @ParameterizedTest(name = "native={0} crop={1}")
    @CsvSource({
            "true,  0,0,24,32,   0000ff",
            "true,  24,0,24,32,  ff0000",
            "true,  24,32,24,32, 00ff00",
            "true,  0,32,24,32,  ffff00",
            "false, 0,0,24,32,   0000ff",
            "false, 24,0,24,32,  ff0000",
            "false, 24,32,24,32, 00ff00",
            "false, 0,32,24,32,  ffff00"})
    void cropCoordinatesAreThoseOfTheUprightImage(boolean nativeCodecs, int x, int y, int w, int h, String colour) {
        byte[] jpeg = withExifOrientation(TestImageBytes.encode(quadrants(64, 48), "jpeg"), 6);

        ProcessedImage result = process(nativeCodecs, jpeg, "crop=" + x + "," + y + "," + w + "," + h + "&f=png");

        BufferedImage image = decode(result.bytes());
        assertThat(image.getWidth()).isEqualTo(w);
        assertThat(image.getHeight()).isEqualTo(h);
        Color expected = new Color(Integer.parseInt(colour, 16));
        for (int[] point : new int[][] {{3, 3}, {w - 4, 3}, {w / 2, h / 2}, {3, h - 4}, {w - 4, h - 4}}) {
            Color actual = new Color(image.getRGB(point[0], point[1]));
            assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red at %s", point[0] + "," + point[1]).isLessThan(24);
            assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green").isLessThan(24);
            assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue").isLessThan(24);
        }
    }

    @ParameterizedTest(name = "native={0}")
    @ValueSource(booleans = {true, false})
    void aCropWhollyOutsideTheUprightImageIsUnusable(boolean nativeCodecs) {
        byte[] jpeg = withExifOrientation(TestImageBytes.encode(quadrants(64, 48), "jpeg"), 6);

        // 50 is inside the stored width of 64 but outside the upright width of 48.
        assertThatThrownBy(() -> process(nativeCodecs, jpeg, "crop=50,0,10,10"))
                .isInstanceOf(UnusableImageException.class)
                .hasMessageContaining("crop=50,0,10,10")
                .hasMessageContaining("48×64");
    }

    private ProcessedImage process(boolean nativeCodecs, byte[] source, String query) {
        StandardPipeline.Settings settings = new StandardPipeline.Settings(new Geometry(8192), 50_000_000, 1000,
                new MemoryBudget(1L << 30, Duration.ofSeconds(5)), nativeCodecs);
        ImagePipeline pipeline = StandardPipeline.assemble(settings, StageObserver.NONE);
        return pipeline.process(source, new ProcessingRequest(parser.parse(query).options(), false,
                Deadline.after(Duration.ofMinutes(1))));
    }

    /** The cut, turn and mirror done with Java2D's own operations on the source. */
    private static BufferedImage reference(BufferedImage source, String query) {
        BufferedImage image = source;
        if (query.startsWith("trim=0&crop=1,1,3,3")) {
            // the trim takes the one-pixel frame away, then the crop counts from the trimmed corner
            return source.getSubimage(2, 2, 3, 3);
        }
        String[] crop = query.replaceAll("^crop=([0-9,]+).*$", "$1").split(",");
        int x = Integer.parseInt(crop[0]);
        int y = Integer.parseInt(crop[1]);
        image = image.getSubimage(x, y, Math.min(Integer.parseInt(crop[2]), source.getWidth() - x),
                Math.min(Integer.parseInt(crop[3]), source.getHeight() - y));
        if (query.contains("rot=90")) {
            BufferedImage turned = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = turned.createGraphics();
            g.translate(image.getHeight(), 0);
            g.rotate(Math.PI / 2);
            g.drawImage(image, 0, 0, null);
            g.dispose();
            image = turned;
        }
        if (query.contains("flip=hv")) {
            BufferedImage mirrored = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = mirrored.createGraphics();
            g.drawImage(image, image.getWidth(), image.getHeight(), -image.getWidth(), -image.getHeight(), null);
            g.dispose();
            image = mirrored;
        }
        return image;
    }

    private static BufferedImage noise(int width, int height) {
        Random random = new Random(width * 7L + height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        // A border of one colour, so that trim=0 finds nothing to cut but a 1-pixel frame.
        for (int x = 0; x < width; x++) {
            image.setRGB(x, 0, 0xFF000000);
            image.setRGB(x, height - 1, 0xFF000000);
        }
        for (int y = 0; y < height; y++) {
            image.setRGB(0, y, 0xFF000000);
            image.setRGB(width - 1, y, 0xFF000000);
        }
        return image;
    }

    private static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width / 2, height / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(width / 2, height / 2, width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) {
        return TestImageBytes.encode(image, "png");
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] exif = TestImageBytes.exif(orientation);
        byte[] name = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + name.length + exif.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(name);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
