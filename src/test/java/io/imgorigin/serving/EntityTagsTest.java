package io.imgorigin.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.ImageOptions;
import io.imgorigin.options.OptionsParser;

class EntityTagsTest {

    private final OptionsParser parser = new OptionsParser(8192, 80);
    private final EntityTags tags = new EntityTags("engine-1");

    private ImageOptions options(String query) {
        return parser.parse(query).options();
    }

    @Test
    void strongQuotedAndStable() {
        String tag = tags.of("abc", options("w=1&h=2"), false);
        assertThat(tag).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        assertThat(tags.of("abc", options("h=2&w=1"), true)).isEqualTo(tag);
    }

    @Test
    void changesWithSourceOptionsAutoChoiceAndEngine() {
        String base = tags.of("abc", options("w=1&f=auto"), false);
        assertThat(tags.of("abd", options("w=1&f=auto"), false)).isNotEqualTo(base);
        assertThat(tags.of("abc", options("w=2&f=auto"), false)).isNotEqualTo(base);
        assertThat(tags.of("abc", options("w=1&f=auto"), true)).isNotEqualTo(base);
        assertThat(new EntityTags("engine-2").of("abc", options("w=1&f=auto"), false)).isNotEqualTo(base);
    }

    @Test
    void acceptIsIgnoredUnlessAuto() {
        assertThat(tags.of("abc", options("w=1&f=webp"), true)).isEqualTo(tags.of("abc", options("w=1&f=webp"), false));
        assertThat(tags.of("abc", options("w=1"), true)).isEqualTo(tags.of("abc", options("w=1"), false));
    }

    @Test
    void anAnimationsAutoChoiceIsPartOfTheTagOnlyWhereTheStillChoiceDoesNotTellIt() {
        ImageOptions auto = options("w=1&f=auto");
        String avifAndWebp = tags.of("abc", auto, io.imgorigin.processing.pipeline.OutputFormat.AVIF,
                io.imgorigin.processing.pipeline.OutputFormat.WEBP, null);
        String avifOnly = tags.of("abc", auto, io.imgorigin.processing.pipeline.OutputFormat.AVIF, null, null);

        assertThat(avifAndWebp).isEqualTo(tags.of("abc", auto, io.imgorigin.processing.pipeline.OutputFormat.AVIF));
        assertThat(avifOnly).isNotEqualTo(avifAndWebp);
    }
}
