package io.imgorigin.processing.edits;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.OptionsParser;
import io.imgorigin.processing.pipeline.Contexts;
import io.imgorigin.processing.pipeline.ImageExtent;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.Region;
import io.imgorigin.processing.probe.Geometry;

/** The trim, crop, rot and flip steps on generated images, compared pixel by pixel with a reference. */
class EditStepsTest {

    private static final int RED = 0xFFFF0000;
    private static final int GREEN = 0xFF00FF00;
    private static final int BLUE = 0xFF0000FF;
    private static final int YELLOW = 0xFFFFFF00;

    private final OptionsParser parser = new OptionsParser(8192, 80);
    private final Geometry geometry = new Geometry(8192);

    @Test
    void cropReturnsExactlyTheRegion() {
        BufferedImage source = noise(97, 61, 1);
        ProcessingContext context = context(source, "crop=13,7,40,29");

        new CropStep().apply(context);

        assertSamePixels(context.image(), source.getSubimage(13, 7, 40, 29));
        assertThat(context.plan().edits().crop()).isNull();
        assertThat(context.extent()).isEqualTo(new ImageExtent(40, 29));
    }

    @Test
    void aRegionOverTheEdgeIsClipped() {
        BufferedImage source = noise(50, 40, 2);
        ProcessingContext context = context(source, "crop=30,25,100,100");

        new CropStep().apply(context);

        assertSamePixels(context.image(), source.getSubimage(30, 25, 20, 15));
    }

    @Test
    void withoutACropTheImageIsLeftAlone() {
        BufferedImage source = noise(20, 10, 3);
        ProcessingContext context = context(source, "w=5");

        new CropStep().apply(context);

        assertThat(context.image()).isSameAs(source);
    }

    @ParameterizedTest(name = "rot={0}")
    @CsvSource({
            // corners after the turn: top-left, top-right, bottom-right, bottom-left
            "90,  YELLOW, RED, GREEN, BLUE",
            "180, BLUE, YELLOW, RED, GREEN",
            "270, GREEN, BLUE, YELLOW, RED"})
    void rotationMovesTheCorners(int degrees, String topLeft, String topRight, String bottomRight, String bottomLeft) {
        ProcessingContext context = context(corners(6, 4), "rot=" + degrees);
        context.extent(new ImageExtent(5.5, 3.75));

        new RotateStep().apply(context);

        BufferedImage turned = context.image();
        int w = turned.getWidth();
        int h = turned.getHeight();
        assertThat(w).isEqualTo(degrees == 180 ? 6 : 4);
        assertThat(h).isEqualTo(degrees == 180 ? 4 : 6);
        assertThat(argb(turned, 0, 0)).isEqualTo(colour(topLeft));
        assertThat(argb(turned, w - 1, 0)).isEqualTo(colour(topRight));
        assertThat(argb(turned, w - 1, h - 1)).isEqualTo(colour(bottomRight));
        assertThat(argb(turned, 0, h - 1)).isEqualTo(colour(bottomLeft));
        assertThat(context.extent()).isEqualTo(degrees == 180 ? new ImageExtent(5.5, 3.75) : new ImageExtent(3.75, 5.5));
    }

    @Test
    void aQuarterTurnMovesEveryPixel() {
        BufferedImage source = noise(7, 5, 4);

        BufferedImage turned = RotateStep.rotate(source, 90);

        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertThat(argb(turned, 4 - y, x)).isEqualTo(argb(source, x, y));
            }
        }
        assertSamePixels(RotateStep.rotate(RotateStep.rotate(turned, 180), 90), source);
    }

    @ParameterizedTest(name = "flip={0}")
    @CsvSource({
            "h,  GREEN, RED, YELLOW, BLUE",
            "v,  YELLOW, BLUE, GREEN, RED",
            "hv, BLUE, YELLOW, RED, GREEN"})
    void flipMirrorsTheCorners(String flip, String topLeft, String topRight, String bottomRight, String bottomLeft) {
        ProcessingContext context = context(corners(6, 4), "flip=" + flip);

        new FlipStep().apply(context);

        BufferedImage mirrored = context.image();
        assertThat(argb(mirrored, 0, 0)).isEqualTo(colour(topLeft));
        assertThat(argb(mirrored, 5, 0)).isEqualTo(colour(topRight));
        assertThat(argb(mirrored, 5, 3)).isEqualTo(colour(bottomRight));
        assertThat(argb(mirrored, 0, 3)).isEqualTo(colour(bottomLeft));
    }

    @Test
    void trimRemovesAKnownBorderAndPlansAgain() {
        BufferedImage source = bordered(60, 40, 0xFF204060, new Region(11, 5, 30, 20));
        ProcessingContext context = context(source, "trim=0&w=15");
        assertThat(context.plan().scaledWidth()).isEqualTo(15);

        new TrimStep(geometry).apply(context);

        assertSamePixels(context.image(), source.getSubimage(11, 5, 30, 20));
        assertThat(context.plan().edits().trim()).isNull();
        assertThat(context.plan().sourceWidth()).isEqualTo(30);
        assertThat(context.plan().scaledHeight()).isEqualTo(10);
    }

    @Test
    void aThresholdOfZeroKeepsAOneLevelDifference() {
        int border = 0xFF808080;
        BufferedImage source = bordered(30, 30, border, new Region(10, 10, 5, 5));
        source.setRGB(2, 27, 0xFF808081);

        ProcessingContext exact = context(source, "trim=0");
        new TrimStep(geometry).apply(exact);
        assertThat(exact.image().getWidth()).isEqualTo(13);
        assertThat(exact.image().getHeight()).isEqualTo(18);

        ProcessingContext tolerant = context(source, "trim=1");
        new TrimStep(geometry).apply(tolerant);
        assertSamePixels(tolerant.image(), source.getSubimage(10, 10, 5, 5));
    }

    @Test
    void trimComparesAlphaWhereThereIsAlpha() {
        BufferedImage source = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        source.setRGB(5, 6, 0x40000000);
        ProcessingContext context = context(source, "trim=10");

        new TrimStep(geometry).apply(context);

        assertThat(context.image().getWidth()).isEqualTo(1);
        assertThat(context.image().getHeight()).isEqualTo(1);
        assertThat(argb(context.image(), 0, 0)).isEqualTo(0x40000000);
    }

    @Test
    void anImageThatIsAllBorderIsKept() {
        BufferedImage source = new BufferedImage(9, 7, BufferedImage.TYPE_INT_RGB);
        ProcessingContext context = context(source, "trim=true");

        new TrimStep(geometry).apply(context);

        assertSamePixels(context.image(), source);
        assertThat(context.plan().sourceWidth()).isEqualTo(9);
    }

    @Test
    void trimThenCropCutsTheTrimmedImage() {
        BufferedImage source = bordered(60, 40, 0xFFFFFFFF, new Region(10, 10, 30, 20));
        ProcessingContext context = context(source, "trim=5&crop=2,3,4,5");

        new TrimStep(geometry).apply(context);
        new CropStep().apply(context);

        assertSamePixels(context.image(), source.getSubimage(12, 13, 4, 5));
    }

    private ProcessingContext context(BufferedImage image, String query) {
        ImageOptions options = parser.parse(query).options();
        return Contexts.working(image, geometry.plan(image.getWidth(), image.getHeight(), options), OutputFormat.PNG,
                options);
    }

    /** Random opaque pixels, so that any misplaced pixel shows. */
    static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    /** A border colour with noise inside the region. */
    private static BufferedImage bordered(int width, int height, int border, Region inside) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean in = x >= inside.x() && x < inside.x() + inside.width() && y >= inside.y()
                        && y < inside.y() + inside.height();
                int pixel = in ? random.nextInt() : border;
                if (in && (pixel | 0xFF000000) == border) {
                    pixel ^= 0xFF;
                }
                image.setRGB(x, y, pixel);
            }
        }
        if (inside.width() > 1) {
            image.setRGB(inside.x(), inside.y(), border ^ 0xFFFFFF);
            image.setRGB(inside.x() + inside.width() - 1, inside.y() + inside.height() - 1, border ^ 0xFFFFFF);
        }
        return image;
    }

    /** Red top-left, green top-right, blue bottom-right, yellow bottom-left; grey elsewhere. */
    private static BufferedImage corners(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFF808080);
            }
        }
        image.setRGB(0, 0, RED);
        image.setRGB(width - 1, 0, GREEN);
        image.setRGB(width - 1, height - 1, BLUE);
        image.setRGB(0, height - 1, YELLOW);
        return image;
    }

    private static int colour(String name) {
        return switch (name) {
            case "RED" -> RED;
            case "GREEN" -> GREEN;
            case "BLUE" -> BLUE;
            case "YELLOW" -> YELLOW;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static int argb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y);
    }

    static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                if (a != e) {
                    throw new AssertionError("pixel (" + x + ", " + y + ") is " + Integer.toHexString(a) + ", not "
                            + Integer.toHexString(e));
                }
            }
        }
    }
}
