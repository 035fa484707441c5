package io.imgorigin.processing.resize;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality bar of {@link JpegFastPathQualityTest} over many photos and widths, as a report: for each
 * JPEG and width, the PSNR of the service's result (native codecs, PNG out) and of vipsthumbnail's
 * against full decode plus a plain Lanczos3. Orientation is not applied to the reference, so give it
 * upright photos. Needs libturbojpeg and vipsthumbnail.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *     io.imgorigin.processing.resize.VipsQualitySweep 400,300,640 ../shared/corpus/photos/*.jpg
 * </pre>
 */
public final class VipsQualitySweep {

    private VipsQualitySweep() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: VipsQualitySweep <width,width,...> <photo.jpg>...");
            System.exit(2);
        }
        List<Integer> widths = new ArrayList<>();
        for (String width : args[0].split(",")) {
            widths.add(Integer.parseInt(width.strip()));
        }
        System.out.println("| photo | source width | width | reduction | imgorigin dB | vipsthumbnail dB | difference |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 1; i < args.length; i++) {
            Path photo = Path.of(args[i]);
            byte[] jpeg = Files.readAllBytes(photo);
            BufferedImage full = FastPathResults.fullDecode(jpeg);
            for (int width : widths) {
                if (width >= full.getWidth()) {
                    continue;
                }
                // A height bound this large makes the width the only constraint, as w= is for the service.
                BufferedImage theirs = Vipsthumbnail.thumbnail(photo, width + "x1000000");
                BufferedImage ours = FastPathResults.served(jpeg, width);
                if (ours.getWidth() != theirs.getWidth() || ours.getHeight() != theirs.getHeight()) {
                    System.out.printf("| %s | %d | %d | sizes differ: %dx%d and %dx%d |%n", photo.getFileName(),
                            full.getWidth(), width, ours.getWidth(), ours.getHeight(), theirs.getWidth(),
                            theirs.getHeight());
                    continue;
                }
                BufferedImage reference = ReferenceLanczos.resize(full, ours.getWidth(), ours.getHeight());
                double oursDb = TestImages.psnr(ours, reference);
                double theirsDb = TestImages.psnr(theirs, reference);
                System.out.printf("| %s | %d | %d | %.2f× | %.2f | %.2f | %+.2f |%n", photo.getFileName(),
                        full.getWidth(), width, (double) full.getWidth() / width, oursDb, theirsDb, oursDb - theirsDb);
            }
        }
    }
}
