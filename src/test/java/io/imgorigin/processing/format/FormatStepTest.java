package io.imgorigin.processing.format;

import io.imgorigin.processing.pipeline.Contexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.imgorigin.options.FormatRequest;
import io.imgorigin.options.Gravity;
import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.options.Rgba;
import io.imgorigin.processing.pipeline.OutputFormat;
import io.imgorigin.processing.pipeline.ProcessingContext;
import io.imgorigin.processing.pipeline.SourceFormat;

class FormatStepTest {

    @ParameterizedTest(name = "f={0} accepts webp={1} alpha={2} source={3} -> {4}")
    @CsvSource(nullValues = "none", value = {
            "JPEG,     true,  true,  PNG,  JPEG",
            "PNG,      false, false, JPEG, PNG",
            "WEBP,     false, false, GIF,  WEBP",
            "GIF,      true,  false, JPEG, GIF",
            "GIF,      false, true,  PNG,  GIF",
            "AUTO,     true,  false, JPEG, WEBP",
            "AUTO,     true,  true,  PNG,  WEBP",
            "AUTO,     false, true,  WEBP, PNG",
            "AUTO,     false, false, PNG,  JPEG",
            "ORIGINAL, true,  false, JPEG, JPEG",
            "ORIGINAL, false, true,  PNG,  PNG",
            "ORIGINAL, false, false, PNG,  PNG",
            "ORIGINAL, false, true,  WEBP, WEBP",
            "ORIGINAL, true,  true,  GIF,  GIF",
            "ORIGINAL, true,  false, GIF,  GIF",
            "ORIGINAL, false, false, TIFF, JPEG",
            "ORIGINAL, false, true,  PSD,  PNG",
            "ORIGINAL, false, false, BMP,  JPEG",
            "ORIGINAL, false, false, none, JPEG",
            "ORIGINAL, false, true,  none, PNG"})
    void decidesTheOutputFormat(FormatRequest requested, boolean acceptsWebp, boolean alpha, SourceFormat source,
                                OutputFormat expected) {
        ProcessingContext context = Contexts.context(Contexts.options(requested, Gravity.CENTER, Rgba.WHITE), acceptsWebp);
        context.sourceFormat(source);
        context.hasAlpha(alpha);

        new FormatStep().apply(context);

        assertThat(context.outputFormat()).isEqualTo(expected);
    }

    @Test
    void gifOutputIsRefusedWhereNoGifEncoderIsThere() {
        ProcessingContext context = Contexts.context(Contexts.options(FormatRequest.GIF, Gravity.CENTER, Rgba.WHITE), false);
        context.sourceFormat(SourceFormat.GIF);

        assertThatThrownBy(() -> new FormatStep(new OutputFormats(false, false, java.util.List.of())).apply(context))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("gif output is not available on this server")
                .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo("f"));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
            "image/avif,image/webp,*/*|avif,webp|WEBP",
            "image/avif,*/*|avif,webp|none",
            "image/webp;q=0,image/avif|avif,webp|none",
            "image/webp|avif|none",
            "image/webp|webp|WEBP"})
    void anAnimationsAutoChoiceIsWebpWhereAcceptedNeverAvif(String accept, String order, String expected) {
        OutputFormats formats = new OutputFormats(true, java.util.Arrays.stream(order.split(","))
                .map(token -> FormatRequest.valueOf(token.toUpperCase(java.util.Locale.ROOT))).toList());
        assertThat(formats.animatedAutoChoice(accept))
                .isEqualTo(expected.equals("none") ? null : OutputFormat.valueOf(expected));
    }
}
