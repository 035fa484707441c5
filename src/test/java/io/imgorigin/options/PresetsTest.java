package io.imgorigin.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC section 2.3: presets, the default preset, presets-only, allowed sizes; and what the signature covers. */
class PresetsTest {

    private static final Quality DEFAULTS = Quality.defaults(80, 78, 60);

    private static OptionsParser parser(Map<String, String> presets, boolean presetsOnly) {
        return new OptionsParser(new OptionsParser.Settings(8192, DEFAULTS, presets, presetsOnly, List.of(), List.of()));
    }

    private final OptionsParser parser = parser(Map.of(
            "thumb", "w=200&h=200&fit=cover&q=70",
            "wide", "w=800&h=300",
            "webp", "f=webp",
            "bordered", "fit=contain&bg=000000"), false);

    private String canonical(OptionsParser p, String query) {
        return p.parse(query).options().canonical();
    }

    @Test
    void aPresetIsItsOptions() {
        assertThat(canonical(parser, "preset=thumb")).isEqualTo(canonical(parser, "w=200&h=200&fit=cover&q=70"));
    }

    @Test
    void presetsApplyInOrderThenTheUrlsOwnOptionsWin() {
        ImageOptions later = parser.parse("preset=thumb,wide").options();
        assertThat(later.width()).isEqualTo(800);
        assertThat(later.height()).isEqualTo(300);
        assertThat(later.quality()).as("what the later preset does not set stays").isEqualTo(Quality.of(70));
        ImageOptions earlier = parser.parse("preset=wide,thumb").options();
        assertThat(earlier.width()).isEqualTo(200);
        ImageOptions overridden = parser.parse("h=100&preset=thumb&q=90").options();
        assertThat(overridden.width()).isEqualTo(200);
        assertThat(overridden.height()).as("the URL's own option wins wherever it stands").isEqualTo(100);
        assertThat(overridden.quality()).isEqualTo(Quality.of(90));
        assertThat(canonical(parser, "preset=thumb,webp,bordered"))
                .isEqualTo(canonical(parser, "w=200&h=200&fit=contain&q=70&f=webp&bg=000000"));
    }

    @Test
    void theDefaultPresetAppliesToEveryRequestFirst() {
        OptionsParser withDefault = parser(Map.of("default", "f=webp&q=60&w=1000", "small", "w=100&q=50"), false);
        ImageOptions plain = withDefault.parse("").options();
        assertThat(plain.format()).isEqualTo(FormatRequest.WEBP);
        assertThat(plain.width()).isEqualTo(1000);
        ImageOptions named = withDefault.parse("preset=small").options();
        assertThat(named.width()).isEqualTo(100);
        assertThat(named.quality()).isEqualTo(Quality.of(50));
        assertThat(named.format()).as("default's options the named preset does not set").isEqualTo(FormatRequest.WEBP);
        assertThat(withDefault.parse("f=png&preset=small").options().format()).isEqualTo(FormatRequest.PNG);
        assertThat(canonical(withDefault, "preset=default")).isEqualTo(canonical(withDefault, ""));
    }

    @Test
    void anUnknownPresetIs400() {
        assertThatThrownBy(() -> parser.parse("preset=huge"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("unknown preset 'huge'")
                .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo("preset"));
        assertThatThrownBy(() -> parser.parse("preset=thumb,huge")).hasMessageContaining("'huge'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"preset=", "preset=thumb,", "preset=,thumb", "preset=th%20umb", "preset=a/b",
            "preset=thumb&preset=wide"})
    void aMalformedPresetListIs400(String query) {
        assertThatThrownBy(() -> parser.parse(query)).isInstanceOf(InvalidOptionException.class)
                .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo("preset"));
    }

    @Test
    void presetsOnlyRefusesAnyOtherOption() {
        OptionsParser only = parser(Map.of("thumb", "w=200&h=200"), true);
        assertThat(only.parse("preset=thumb").options().width()).isEqualTo(200);
        assertThat(only.parse("preset=thumb&s=abc").signature()).isEqualTo("abc");
        assertThat(only.parse("").options().width()).as("no options: the original").isNull();
        for (String query : List.of("preset=thumb&w=100", "w=100", "preset=thumb&q=20", "f=webp", "wm=1")) {
            String option = query.contains("&") ? query.substring(query.indexOf('&') + 1, query.lastIndexOf('='))
                    : query.substring(0, query.indexOf('='));
            assertThatThrownBy(() -> only.parse(query)).as(query)
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("'" + option + "'")
                    .hasMessageContaining("presets only")
                    .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo(option));
        }
        assertThatThrownBy(() -> only.parse("preset=other")).hasMessageContaining("unknown preset");
    }

    @Test
    void infoTakesNoOtherOptionAndNoPreset() {
        OptionsParser withDefault = parser(Map.of("default", "w=100"), true);
        ParsedQuery info = withDefault.parse("info=true&s=abc");
        assertThat(info.info()).isTrue();
        assertThat(info.options()).as("presets, default included, are not applied to info").isNull();
        assertThat(info.signature()).isEqualTo("abc");
        assertThat(withDefault.parse("info=TRUE").info()).isTrue();
        assertThat(parser.parse("w=10").info()).isFalse();
        assertThatThrownBy(() -> parser.parse("info=true&w=100")).hasMessageContaining("'w' cannot be combined with 'info'");
        assertThatThrownBy(() -> parser.parse("preset=thumb&info=true")).hasMessageContaining("'preset'");
        assertThatThrownBy(() -> parser.parse("info=false")).hasMessageContaining("must be true");
        assertThatThrownBy(() -> parser.parse("info=true&info=true")).hasMessageContaining("at most once");
    }

    @Test
    void theSignedPairsAreTheOptionsAsSentNotAsExpanded() {
        ParsedQuery query = parser.parse("preset=thumb&q=90&s=sig");
        assertThat(query.signedPairs()).extracting(RawOption::raw).containsExactly("preset=thumb", "q=90");
    }

    @Test
    void allowedSizesApplyToTheTargetAfterDpr() {
        OptionsParser sized = new OptionsParser(new OptionsParser.Settings(8192, DEFAULTS,
                Map.of("half", "w=200&dpr=2", "odd", "w=300"), false, List.of(800, 400, 1600), List.of(300)));
        assertThat(sized.parse("w=400").options().targetWidth()).isEqualTo(400);
        assertThat(sized.parse("w=200&dpr=2").options().targetWidth()).isEqualTo(400);
        assertThat(sized.parse("w=533&dpr=1.5").options().targetWidth()).as("round(533·1.5) = 800").isEqualTo(800);
        assertThat(sized.parse("preset=half").options().targetWidth()).isEqualTo(400);
        assertThat(sized.parse("h=300").options().targetHeight()).isEqualTo(300);
        assertThat(sized.parse("").options().targetWidth()).as("no width asked: nothing to check").isNull();
        assertThatThrownBy(() -> sized.parse("w=600&dpr=2"))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("1200 device pixels").hasMessageContaining("400, 800, 1600")
                .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo("w"));
        assertThatThrownBy(() -> sized.parse("w=401")).hasMessageContaining("widths: 400, 800, 1600");
        assertThatThrownBy(() -> sized.parse("h=200&dpr=2")).hasMessageContaining("heights: 300");
        assertThatThrownBy(() -> sized.parse("preset=odd")).as("a preset's size is checked like the URL's")
                .hasMessageContaining("300 device pixels");
        assertThat(sized.parse("preset=odd&w=800").options().targetWidth()).isEqualTo(800);
    }

    @Test
    void withoutQEachFormatGetsItsOwnDefault() {
        ImageOptions options = parser.parse("w=10").options();
        assertThat(options.quality()).isEqualTo(DEFAULTS);
        assertThat(options.quality().requested()).isFalse();
        assertThat(canonical(parser, "w=10&f=jpeg")).isEqualTo(canonical(parser, "w=10&f=jpeg&q=80"));
        assertThat(canonical(parser, "w=10&f=webp")).isEqualTo(canonical(parser, "w=10&f=webp&q=78"));
        assertThat(canonical(parser, "w=10")).as("jpeg or webp may come out: both defaults count")
                .isNotEqualTo(canonical(parser, "w=10&q=80"));
        assertThat(canonical(parser, "w=10&f=png&q=5")).isEqualTo(canonical(parser, "w=10&f=png"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "nope|a preset name may hold only",
            "x.y|a preset name may hold only",
            "empty|the preset is empty",
            "nested|'preset' cannot be part of a preset",
            "signed|'s' cannot be part of a preset",
            "described|'info' cannot be part of a preset",
            "unknown|unknown option 'width'",
            "twice|'w' may appear at most once",
            "range|option 'q' must be an integer from 1 to 100",
            "marked|option 'wm' must be"})
    void aBadPresetStopsTheStartNamingIt(String name, String message) {
        Map<String, String> bad = Map.of(
                "empty", " ", "nested", "preset=thumb", "signed", "w=1&s=abc", "described", "info=true",
                "unknown", "width=100", "twice", "w=1&w=2", "range", "q=101", "marked", "wm=2");
        String preset = name.equals("nope") ? "no pe" : name;
        Map<String, String> presets = Map.of(preset, bad.getOrDefault(name, "w=1"));
        assertThatThrownBy(() -> parser(presets, false))
                .isInstanceOf(InvalidPresetException.class)
                .hasMessageStartingWith("imgorigin.presets." + preset + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void watermarkOption() {
        WatermarkOptions defaults = parser.parse("wm=0.5").options().watermark();
        assertThat(defaults).isEqualTo(new WatermarkOptions(new java.math.BigDecimal("0.5"),
                WatermarkPosition.BOTTOM_RIGHT, 0, 0, java.math.BigDecimal.ZERO));
        WatermarkOptions full = parser.parse("wm=1,top-left,10,-5,0.25").options().watermark();
        assertThat(full.position()).isEqualTo(WatermarkPosition.TOP_LEFT);
        assertThat(full.offsetX()).isEqualTo(10);
        assertThat(full.offsetY()).isEqualTo(-5);
        assertThat(full.scale()).isEqualByComparingTo("0.25");
        assertThat(parser.parse("wm=.5,tile").options().watermark().position()).isEqualTo(WatermarkPosition.TILE);
        assertThat(canonical(parser, "wm=0.50,bottom-right,0,0,0")).isEqualTo(canonical(parser, "wm=.5"));
        assertThat(canonical(parser, "wm=0.5")).isNotEqualTo(canonical(parser, "wm=0.6"))
                .isNotEqualTo(canonical(parser, "")).isNotEqualTo(canonical(parser, "wm=0.5,top"));
        for (String bad : List.of("", "2", "-0.1", "0.5,smart", "0.5,middle", "0.5,top,1", "0.5,top,a,b",
                "0.5,top,1,2,1.5", "0.5,top,1,2,0.5,9", "0.5,tile,-1,0", "0.5,top,9000,0", "1e0", "0.5,,1,2")) {
            assertThatThrownBy(() -> parser.parse("wm=" + bad)).as(bad)
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("OPACITY[,POSITION[,X,Y[,SCALE]]]");
        }
    }
}
