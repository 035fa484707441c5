package io.imgorigin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.imgorigin.codec.libwebp.AnimDecoder;
import io.imgorigin.processing.decode.WebpFrameReader;
import io.imgorigin.processing.pipeline.AnimationFrame;
import io.imgorigin.testing.AnimatedGifs;
import io.imgorigin.testing.GifBytes;
import io.imgorigin.testing.HeadlessChromium;
import io.imgorigin.testing.RunningService;
import io.imgorigin.testing.TestImages;

/**
 * Animations through the whole service (SPEC 2.1, 2.2): animated GIF and WebP in, animated GIF and WebP out,
 * read back frame by frame (the JDK's GIF reader, the service's own WebP reader, headless Chromium's
 * WebCodecs decoder) for frame count, delays, loop count and canvas size after the geometry; the first frame
 * for still outputs and {@code anim=false}; what {@code f=auto} chooses; and the limits refused with 422.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnimationHttpTest {

    private static final Path CORPUS = Path.of(System.getProperty("imgorigin.test.corpus", "../shared/corpus"));
    private static final Pattern ANIMATED = Pattern.compile(
            "animated: (\\d+) frames of (\\d+)x(\\d+), loop=(\\d+), delays\\(ms\\) ([0-9 ]+)");

    @TempDir
    static Path root;

    private final HttpClient http = HttpClient.newHttpClient();
    private RunningService service;
    private HeadlessChromium chromium;

    /** What a source holds: canvas, frames, their delays, and how many times it plays (0: for ever). */
    record Animation(int width, int height, int frames, List<Integer> delays, int plays) {
    }

    @BeforeAll
    void start() throws IOException {
        Files.write(root.resolve("mixed.gif"), mixedGif());
        Files.write(root.resolve("thousand.gif"), framesGif(1000));
        Files.write(root.resolve("thousand-and-one.gif"), framesGif(1001));
        Files.write(root.resolve("bomb.gif"), GifBytes.canvas(6000, 4000).frames(9, 1, 1).bytes());
        Files.write(root.resolve("outside.gif"), GifBytes.canvas(100, 100).frame(0, 0, 100, 100, 10)
                .frame(60, 10, 50, 20, 10).bytes());
        byte[] mixed = mixedGif();
        // Cut inside the third frame's image data.
        Files.write(root.resolve("truncated.gif"), Arrays.copyOf(mixed, mixed.length * 3 / 5));
        Files.write(root.resolve("alpha.png"), TestImages.png(40, 30, true));
        if (Files.isDirectory(CORPUS.resolve("animated"))) {
            Files.createDirectories(root.resolve("animated"));
            try (Stream<Path> files = Files.list(CORPUS.resolve("animated"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, root.resolve("animated").resolve(file.getFileName()));
                }
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("imgorigin.source.filesystem.root", root.toString());
        service = RunningService.start(properties);
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private HttpResponse<byte[]> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(pathAndQuery));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] ok(String pathAndQuery, String contentType) throws Exception {
        HttpResponse<byte[]> response = get(pathAndQuery, null);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(pathAndQuery).hasValue(contentType);
        return response.body();
    }

    /** Five frames on a 120×90 canvas: full and partial, placed, transparent, with every disposal. */
    static byte[] mixedGif() {
        List<AnimatedGifs.Frame> frames = List.of(
                new AnimatedGifs.Frame(solid(120, 90, Color.BLUE), 0, 0, 30, "none"),
                new AnimatedGifs.Frame(solid(40, 30, Color.RED), 10, 20, 40, "restoreToBackgroundColor"),
                new AnimatedGifs.Frame(transparentRing(60, 50), 50, 30, 50, "restoreToPrevious"),
                new AnimatedGifs.Frame(solid(20, 90, Color.GREEN), 100, 0, 60, "doNotDispose"),
                new AnimatedGifs.Frame(transparentRing(120, 90), 0, 0, 70, "none"));
        return AnimatedGifs.write(120, 90, 2, frames);
    }

    static byte[] framesGif(int count) {
        List<AnimatedGifs.Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(new AnimatedGifs.Frame(solid(8, 8, new Color(i % 256, 255 - i % 256, 0)), 20));
        }
        return AnimatedGifs.write(8, 8, 0, frames);
    }

    static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** A yellow ring on a transparent palette entry. */
    static BufferedImage transparentRing(int width, int height) {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255},
                new byte[] {0, 0}, 0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean border = x < 4 || y < 4 || x >= width - 4 || y >= height - 4;
                image.getRaster().setSample(x, y, 0, border ? 1 : 0);
            }
        }
        return image;
    }

    /** A GIF output as the JDK reads it: plays from its NETSCAPE loop value (absent: once; 0: for ever). */
    static Animation gifOutput(byte[] gif) {
        AnimatedGifs.Read read = AnimatedGifs.read(gif);
        int plays = read.loopCount() < 0 ? 1 : read.loopCount() == 0 ? 0 : read.loopCount() + 1;
        return new Animation(read.width(), read.height(), read.frames().size(), read.delays(), plays);
    }

    static Animation webpOutput(byte[] webp) {
        try (WebpFrameReader reader = new WebpFrameReader(webp)) {
            List<Integer> delays = new ArrayList<>();
            for (AnimationFrame frame = reader.next(); frame != null; frame = reader.next()) {
                assertThat(frame.image().getWidth()).isEqualTo(reader.canvasWidth());
                delays.add(frame.delayMillis());
            }
            return new Animation(reader.canvasWidth(), reader.canvasHeight(), delays.size(), delays,
                    reader.loopCount());
        }
    }

    private static int scaledHeight(int width, int height, int targetWidth) {
        int tw = Math.min(targetWidth, width);
        return Math.max(1, (int) Math.floor((double) height * tw / width + 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"f=gif&w=60", "w=60", "f=webp&w=60&q=90", "f=gif&w=60&h=60&fit=cover&g=smart",
            "f=webp&w=50&h=50&fit=contain&bg=ff000080"})
    void aGeneratedAnimationKeepsFramesDelaysAndLoop(String query) throws Exception {
        boolean webp = query.contains("f=webp");
        assumeTrue(!webp || AnimDecoder.available(), "libwebpdemux is not installed: animated WebP is not read back");
        byte[] body = ok("/mixed.gif?" + query, webp ? "image/webp" : "image/gif");

        Animation out = webp ? webpOutput(body) : gifOutput(body);

        int width = query.contains("w=50") ? 50 : 60;
        int height = query.contains("h=") ? width : 45;
        assertThat(out).isEqualTo(new Animation(width, height, 5, List.of(30, 40, 50, 60, 70), 3));
    }

    @Test
    void trimIsDecidedOnTheFirstFrameAndCutFromEveryFrame() throws Exception {
        // Frame 1: red 80×60 inside a 10 px white border; frame 2 all white, which on its own would not be trimmed.
        BufferedImage bordered = solid(100, 80, Color.WHITE);
        java.awt.Graphics2D g = bordered.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(10, 10, 80, 60);
        g.dispose();
        Files.write(root.resolve("bordered.gif"), AnimatedGifs.write(100, 80, 0, List.of(
                new AnimatedGifs.Frame(bordered, 0, 0, 50, "none"),
                new AnimatedGifs.Frame(solid(100, 80, Color.WHITE), 0, 0, 50, "none"))));

        AnimatedGifs.Read read = AnimatedGifs.read(ok("/bordered.gif?f=gif&trim=0", "image/gif"));

        assertThat(read.frames()).hasSize(2);
        for (AnimatedGifs.Frame frame : read.frames()) {
            assertThat(frame.image().getWidth()).isEqualTo(80);
            assertThat(frame.image().getHeight()).isEqualTo(60);
        }
        assertThat(new Color(read.frames().get(0).image().getRGB(0, 0))).isEqualTo(Color.RED);
        assertThat(new Color(read.frames().get(1).image().getRGB(40, 30))).isEqualTo(Color.WHITE);
    }

    @Test
    void composedFramesComeOutAsBrowsersShowThem() throws Exception {
        AnimatedGifs.Read read = AnimatedGifs.read(ok("/mixed.gif?f=gif", "image/gif"));
        // Frame 2 (red 40×30 at 10,20) over frame 1 (blue): the whole canvas is stored for each frame.
        BufferedImage second = read.frames().get(1).image();
        assertThat(second.getWidth()).isEqualTo(120);
        assertThat(new Color(second.getRGB(30, 35))).isEqualTo(Color.RED);
        assertThat(new Color(second.getRGB(100, 80))).isEqualTo(Color.BLUE);
        // Frame 3: the red block was restored to background (transparent); the ring's inside is transparent too.
        BufferedImage third = read.frames().get(2).image();
        assertThat(third.getRGB(30, 35) >>> 24).as("disposed to background").isZero();
        assertThat(new Color(third.getRGB(52, 32))).as("ring").isEqualTo(Color.YELLOW);
        // Frame 4: the ring (restore to previous) is gone, green strip at the right edge.
        BufferedImage fourth = read.frames().get(3).image();
        assertThat(new Color(fourth.getRGB(52, 32))).isEqualTo(Color.BLUE);
        assertThat(new Color(fourth.getRGB(110, 45))).isEqualTo(Color.GREEN);
    }

    @Test
    void aThousandFramesAreServedAndOneMoreIsRefused() throws Exception {
        Animation thousand = gifOutput(ok("/thousand.gif?f=gif", "image/gif"));
        assertThat(thousand.frames()).isEqualTo(1000);
        assertThat(thousand.delays()).containsOnly(20);

        HttpResponse<byte[]> refused = get("/thousand-and-one.gif?f=gif", null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("1001 frames").contains("max-frames");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bomb.gif:max-animation-pixels", "outside.gif:reaches past its 100×100 canvas",
            "truncated.gif:"})
    void hostileAnimationsAre422(String caseText) throws Exception {
        String[] parts = caseText.split(":", 2);
        for (String query : List.of("f=gif&w=50", "f=webp&w=50", "f=png&w=50")) {
            HttpResponse<byte[]> response = get("/" + parts[0] + "?" + query, null);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (parts[0].equals("truncated.gif") && query.startsWith("f=png")) {
                // A still output decodes only the first frame, which is whole.
                assertThat(response.statusCode()).as(query).isIn(200, 422);
                continue;
            }
            assertThat(response.statusCode()).as(parts[0] + "?" + query + ": " + body).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body).contains(parts[1]);
        }
    }

    @Test
    void animFalseAndStillOutputsTakeTheFirstFrame() throws Exception {
        assertThat(gifOutput(ok("/mixed.gif?f=gif&anim=false&w=60", "image/gif")).frames()).isEqualTo(1);
        BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                ok("/mixed.gif?f=png&w=60", "image/png")));
        assertThat(png.getWidth()).isEqualTo(60);
        assertThat(png.getHeight()).as("one frame, not a strip").isEqualTo(45);
        assertThat(new Color(png.getRGB(30, 20))).isEqualTo(Color.BLUE);
    }

    @Test
    void stillGifOutputKeepsTransparency() throws Exception {
        AnimatedGifs.Read read = AnimatedGifs.read(ok("/alpha.png?f=gif", "image/gif"));
        assertThat(read.frames()).hasSize(1);
        assertThat(read.width()).isEqualTo(40);
        BufferedImage frame = read.frames().get(0).image();
        boolean transparent = false;
        boolean opaque = false;
        for (int y = 0; y < frame.getHeight(); y++) {
            for (int x = 0; x < frame.getWidth(); x++) {
                int alpha = frame.getRGB(x, y) >>> 24;
                transparent |= alpha == 0;
                opaque |= alpha == 255;
            }
        }
        assertThat(transparent).isTrue();
        assertThat(opaque).isTrue();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"image/webp,*/*", "image/avif,image/webp,image/apng,*/*;q=0.8", "image/png,*/*",
            "image/webp;q=0,*/*", "-"})
    void autoChoosesWebpWhereAcceptedElseGif(String accept) throws Exception {
        HttpResponse<byte[]> response = get("/mixed.gif?f=auto&w=60", accept.equals("-") ? null : accept);
        assertThat(response.statusCode()).isEqualTo(200);
        boolean webp = accept.contains("image/webp") && !accept.contains("image/webp;q=0")
                && AnimDecoder.available();
        assertThat(response.headers().firstValue("Content-Type")).hasValue(webp ? "image/webp" : "image/gif");
        assertThat(response.headers().allValues("Vary")).contains("Accept");
        Animation out = webp ? webpOutput(response.body()) : gifOutput(response.body());
        assertThat(out.frames()).isEqualTo(5);
    }

    static Stream<String> corpusAnimations() throws IOException {
        Path manifest = CORPUS.resolve("MANIFEST.tsv");
        if (!Files.isRegularFile(manifest)) {
            return Stream.of();
        }
        return Files.readAllLines(manifest).stream()
                .filter(line -> line.startsWith("animated/") && ANIMATED.matcher(line).find())
                .map(line -> line.split("\t")[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusAnimations")
    void corpusAnimationsKeepTheirFrames(String file) throws Exception {
        String line = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv")).stream()
                .filter(l -> l.startsWith(file + "\t")).findFirst().orElseThrow();
        Matcher m = ANIMATED.matcher(line);
        assertThat(m.find()).isTrue();
        int frames = Integer.parseInt(m.group(1));
        int width = Integer.parseInt(m.group(2));
        int height = Integer.parseInt(m.group(3));
        int loop = Integer.parseInt(m.group(4));
        List<Integer> delays = Arrays.stream(m.group(5).trim().split(" ")).map(Integer::valueOf).toList();
        assumeTrue(!file.endsWith(".webp") || AnimDecoder.available(), "libwebpdemux is not installed");

        for (String format : List.of("gif", "webp")) {
            if (format.equals("webp") && !AnimDecoder.available()) {
                continue;
            }
            byte[] body = ok("/" + file + "?f=" + format + "&w=64", "image/" + format);
            Animation out = format.equals("gif") ? gifOutput(body) : webpOutput(body);
            assertThat(out.width()).as(file + " → " + format).isEqualTo(Math.min(64, width));
            assertThat(out.height()).as(file + " → " + format).isEqualTo(scaledHeight(width, height, 64));
            assertThat(out.frames()).as(file + " → " + format + " frames").isEqualTo(frames);
            if (frames > 1) {
                assertThat(out.delays()).as(file + " → " + format + " delays").startsWith(delays.toArray(Integer[]::new));
                int expectedLoop = format.equals("webp") ? Math.min(loop, 65535) : loop;
                assertThat(out.plays()).as(file + " → " + format + " loop").isEqualTo(expectedLoop);
            }
        }
    }

    @Test
    void chromiumDecodesTheAnimatedOutputsWithTheSourcesFrameCount() throws Exception {
        chromium = HeadlessChromium.start();
        List<String> files = new ArrayList<>(List.of("mixed.gif"));
        if (Files.isDirectory(root.resolve("animated"))) {
            files.addAll(List.of("animated/sharp_rotating-squares.gif", "animated/imagor_nyan-cat.gif",
                    "animated/pillow_iss634.webp", "animated/image-rs_anim.webp"));
        }
        for (String file : files) {
            int frames = file.equals("mixed.gif") ? 5 : gifOrWebpFrames(file);
            for (String format : List.of("gif", "webp")) {
                if ((format.equals("webp") || file.endsWith(".webp")) && !AnimDecoder.available()) {
                    continue;
                }
                byte[] body = ok("/" + file + "?f=" + format + "&w=64", "image/" + format);
                HeadlessChromium.Decoded decoded = chromium.decode(body, "image/" + format);
                assertThat(decoded.ok()).as(file + " → " + format + ": " + decoded.error()).isTrue();
                assertThat(decoded.frameCount()).as(file + " → " + format).isEqualTo(frames);
                assertThat(decoded.width()).as(file + " → " + format).isEqualTo(64);
            }
        }
    }

    private static int gifOrWebpFrames(String file) throws IOException {
        String line = Files.readAllLines(CORPUS.resolve("MANIFEST.tsv")).stream()
                .filter(l -> l.startsWith(file + "\t")).findFirst().orElseThrow();
        Matcher m = ANIMATED.matcher(line);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
