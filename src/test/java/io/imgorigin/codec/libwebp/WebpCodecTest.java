package io.imgorigin.codec.libwebp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebpCodecTest {

    private static byte[] twoFrames() {
        try (AnimEncoder encoder = new AnimEncoder(16, 8, 0, 80)) {
            int[] canvas = new int[16 * 8];
            Arrays.fill(canvas, 0xFF20A040);
            encoder.add(canvas, 50);
            Arrays.fill(canvas, 0x00000000);
            encoder.add(canvas, 70);
            return encoder.assemble();
        }
    }

    @Test
    void theLibrariesLoadAndSayWhere() {
        assumeTrue(WebpDemuxLibrary.loaded() && WebpMuxLibrary.loaded(), "libwebpdemux2/libwebpmux3 are not installed");
        assertThat(WebpDemuxLibrary.status()).startsWith("libwebpdemux 1.").contains("libwebpdemux.so.2");
        assertThat(WebpMuxLibrary.status()).startsWith("libwebpmux 1.").contains("libwebpmux.so.3");
    }

    @Test
    void framesEncodedAreDecodedWithTheirTimesAndAlpha() {
        assumeTrue(AnimEncoder.available() && AnimDecoder.available(), "libwebpdemux2/libwebpmux3 are not installed");
        try (AnimDecoder decoder = AnimDecoder.open(twoFrames(), 1_000_000)) {
            assertThat(decoder.width()).isEqualTo(16);
            assertThat(decoder.height()).isEqualTo(8);
            assertThat(decoder.frameCount()).isEqualTo(2);
            assertThat(decoder.loopCount()).isZero();
            int[] canvas = new int[16 * 8];
            assertThat(decoder.next(canvas)).isEqualTo(50);
            assertThat(canvas[0] >>> 24).isEqualTo(0xFF);
            assertThat(Math.abs((canvas[0] >> 8 & 0xFF) - 0xA0)).isLessThan(12);
            assertThat(decoder.next(canvas)).isEqualTo(120);
            assertThat(canvas[5] >>> 24).isZero();
            assertThat(decoder.next(canvas)).isEqualTo(-1);
        }
    }

    @Test
    void truncatedAndForeignDataAreRefusedBeforeLibwebpSeesThem() {
        assumeTrue(AnimEncoder.available() && AnimDecoder.available(), "libwebpdemux2/libwebpmux3 are not installed");
        byte[] webp = twoFrames();
        assertThatThrownBy(() -> AnimDecoder.open(Arrays.copyOf(webp, webp.length - 1), 1_000_000))
                .isInstanceOf(WebpException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> AnimDecoder.open("GIF89a not a webp at all".getBytes(), 1_000_000))
                .isInstanceOf(WebpException.class).hasMessageContaining("not a WebP");
        assertThatThrownBy(() -> AnimDecoder.open(webp, 16 * 8 - 1))
                .isInstanceOf(WebpException.class).hasMessageContaining("over the limit");
    }

    @Test
    void aFrameCutShortInsideTheRiffSizeIsRefused() {
        assumeTrue(AnimEncoder.available() && AnimDecoder.available(), "libwebpdemux2/libwebpmux3 are not installed");
        byte[] webp = twoFrames();
        byte[] cut = Arrays.copyOf(webp, webp.length - 20);
        int riff = cut.length - 8;
        cut[4] = (byte) riff;
        cut[5] = (byte) (riff >> 8);
        cut[6] = (byte) (riff >> 16);
        cut[7] = (byte) (riff >> 24);
        assertThatThrownBy(() -> {
            try (AnimDecoder decoder = AnimDecoder.open(cut, 1_000_000)) {
                int[] canvas = new int[decoder.width() * decoder.height()];
                while (decoder.next(canvas) >= 0) {
                    assertThat(canvas).isNotNull();
                }
            }
        }).isInstanceOf(WebpException.class);
    }

    /** The struct layouts against the C compiler's view of the installed headers, where they are installed. */
    @Test
    void structLayoutsMatchTheHeaders(@TempDir Path directory) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(Path.of("/usr/include/webp/mux.h")), "libwebp-dev headers are not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cc")), "no C compiler");
        Path source = directory.resolve("sizes.c");
        Files.writeString(source, """
                #include <stdio.h>
                #include <stddef.h>
                #include <webp/encode.h>
                #include <webp/mux.h>
                #include <webp/demux.h>
                int main(void) {
                  printf("%zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %d %d %d %d\\n",
                    sizeof(WebPData), sizeof(WebPAnimDecoderOptions), sizeof(WebPAnimInfo),
                    sizeof(WebPMuxAnimParams), sizeof(WebPMuxFrameInfo), sizeof(WebPMemoryWriter),
                    sizeof(WebPConfig), sizeof(WebPPicture), offsetof(WebPPicture, argb),
                    offsetof(WebPPicture, writer), offsetof(WebPPicture, custom_ptr),
                    offsetof(WebPPicture, error_code), offsetof(WebPConfig, alpha_quality),
                    offsetof(WebPMuxFrameInfo, blend_method), WEBP_DEMUX_ABI_VERSION, WEBP_MUX_ABI_VERSION,
                    WEBP_ENCODER_ABI_VERSION, MODE_BGRA);
                  return 0;
                }
                """);
        Path binary = directory.resolve("sizes");
        Process compile = new ProcessBuilder("/usr/bin/cc", source.toString(), "-o", binary.toString())
                .redirectErrorStream(true).start();
        compile.getInputStream().readAllBytes();
        assertThat(compile.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(compile.exitValue() == 0, "the headers do not compile here");
        Process run = new ProcessBuilder(binary.toString()).start();
        String printed = new String(run.getInputStream().readAllBytes()).trim();
        assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String ours = String.join(" ", Long.toString(WebpStructs.DATA.byteSize()),
                Long.toString(WebpStructs.DECODER_OPTIONS.byteSize()), Long.toString(WebpStructs.ANIM_INFO.byteSize()),
                Long.toString(WebpStructs.ANIM_PARAMS.byteSize()), Long.toString(WebpStructs.FRAME_INFO.byteSize()),
                Long.toString(WebpStructs.MEMORY_WRITER.byteSize()), Long.toString(WebpStructs.CONFIG.byteSize()),
                Long.toString(WebpStructs.PICTURE.byteSize()),
                Long.toString(WebpStructs.offset(WebpStructs.PICTURE, "argb")),
                Long.toString(WebpStructs.offset(WebpStructs.PICTURE, "writer")),
                Long.toString(WebpStructs.offset(WebpStructs.PICTURE, "custom_ptr")),
                Long.toString(WebpStructs.offset(WebpStructs.PICTURE, "error_code")),
                Long.toString(WebpStructs.offset(WebpStructs.CONFIG, "alpha_quality")),
                Long.toString(WebpStructs.offset(WebpStructs.FRAME_INFO, "blend_method")),
                Integer.toString(WebpStructs.DEMUX_ABI), Integer.toString(WebpStructs.MUX_ABI),
                Integer.toString(WebpStructs.ENCODER_ABI), Integer.toString(WebpStructs.MODE_BGRA));
        assertThat(ours).isEqualTo(printed);
    }
}
