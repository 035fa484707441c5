package io.imgorigin.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsParserTest {

    private final OptionsParser parser = new OptionsParser(8192, 80);

    @Test
    void noQueryGivesDefaults() {
        ImageOptions options = parser.parse(null).options();
        assertThat(options.width()).isNull();
        assertThat(options.height()).isNull();
        assertThat(options.format()).isEqualTo(FormatRequest.ORIGINAL);
        assertThat(options.quality()).isEqualTo(Quality.defaults(80, 80, 80));
        assertThat(options.fit()).isEqualTo(Fit.COVER);
        assertThat(options.gravity()).isEqualTo(Gravity.CENTER);
        assertThat(options.dpr()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(options.background()).isEqualTo(Rgba.WHITE);
        assertThat(options.enlarge()).isFalse();
    }

    @Test
    void everyOptionIsRead() {
        ImageOptions options = parser.parse("w=400&h=300&f=webp&q=90&fit=contain&g=top-left&dpr=1.5&bg=11223380&enlarge=true")
                .options();
        assertThat(options.width()).isEqualTo(400);
        assertThat(options.height()).isEqualTo(300);
        assertThat(options.format()).isEqualTo(FormatRequest.WEBP);
        assertThat(options.quality()).isEqualTo(Quality.of(90));
        assertThat(options.fit()).isEqualTo(Fit.CONTAIN);
        assertThat(options.gravity()).isEqualTo(Gravity.TOP_LEFT);
        assertThat(options.targetWidth()).isEqualTo(600);
        assertThat(options.targetHeight()).isEqualTo(450);
        assertThat(options.background()).isEqualTo(new Rgba(0x11, 0x22, 0x33, 0x80));
        assertThat(options.enlarge()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"jpeg,JPEG", "jpg,JPEG", "png,PNG", "webp,WEBP", "auto,AUTO", "JPG,JPEG"})
    void formatsAndAliases(String value, FormatRequest expected) {
        assertThat(parser.parse("f=" + value).options().format()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "false,false", "1,true", "0,false"})
    void enlargeSpellings(String value, boolean expected) {
        assertThat(parser.parse("enlarge=" + value).options().enlarge()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"center", "top", "bottom", "left", "right", "top-left", "top-right", "bottom-left",
            "bottom-right", "smart"})
    void everyGravity(String value) {
        assertThat(parser.parse("g=" + value).options().gravity().token()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cover", "contain", "inside", "fill"})
    void everyFit(String value) {
        assertThat(parser.parse("fit=" + value).options().fit().token()).isEqualTo(value);
    }

    @Test
    void dprRoundsTargetsHalfUp() {
        ImageOptions options = parser.parse("w=101&h=3&dpr=1.5").options();
        assertThat(options.targetWidth()).isEqualTo(152);
        assertThat(options.targetHeight()).isEqualTo(5);
    }

    @Test
    void sixDigitColourIsOpaque() {
        assertThat(parser.parse("bg=FF0080").options().background()).isEqualTo(new Rgba(255, 0, 128, 255));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "w=0|w", "w=8193|w", "w=-1|w", "w=1.5|w", "w=abc|w", "w=|w", "w=99999999999|w",
            "h=0|h", "h=8193|h",
            "f=gif|f", "f=|f",
            "q=0|q", "q=101|q", "q=high|q",
            "fit=crop|fit", "g=middle|g",
            "dpr=0.5|dpr", "dpr=4.01|dpr", "dpr=5|dpr", "dpr=abc|dpr", "dpr=1e1|dpr",
            "bg=fff|bg", "bg=gggggg|bg", "bg=1234567|bg",
            "enlarge=yes|enlarge",
            "w=4096&dpr=3|w", "h=3000&dpr=4|h",
            "x=1|x", "width=10|width",
            "w=1&w=2|w", "s=a&s=b|s",
            "s=not*base64|s"})
    void badValuesNameTheOption(String query, String option) {
        assertThatThrownBy(() -> parser.parse(query))
                .isInstanceOf(InvalidOptionException.class)
                .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo(option))
                .hasMessageContaining(option);
    }

    @Test
    void detailSaysWhatIsAccepted() {
        assertThatThrownBy(() -> parser.parse("q=0")).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> parser.parse("fit=crop")).hasMessageContaining("cover, contain, inside, fill");
    }

    @Test
    void maxOutputDimensionIsConfigurable() {
        OptionsParser small = new OptionsParser(100, 80);
        assertThat(small.parse("w=100").options().width()).isEqualTo(100);
        assertThatThrownBy(() -> small.parse("w=101")).hasMessageContaining("1 to 100");
    }

    @Test
    void signatureIsSeparatedAndPairsKeptRaw() {
        ParsedQuery query = parser.parse("w=10&s=abc_-1&bg=%46F0000");
        assertThat(query.signature()).isEqualTo("abc_-1");
        assertThat(query.signedPairs()).extracting(RawOption::raw).containsExactly("w=10", "bg=%46F0000");
        assertThat(query.options().background()).isEqualTo(new Rgba(255, 0, 0, 255));
    }

    @Test
    void emptySegmentsAreIgnored() {
        assertThat(parser.parse("&w=10&&").options().width()).isEqualTo(10);
    }

    @Test
    void canonicalFormIgnoresOrderSpellingAndDefaults() {
        String a = parser.parse("h=2&w=1").options().canonical();
        String b = parser.parse("w=1&h=2&fit=cover&g=center&q=80&dpr=1&bg=ffffff&enlarge=0").options().canonical();
        assertThat(a).isEqualTo(b);
        assertThat(parser.parse("f=jpg").options().canonical()).isEqualTo(parser.parse("f=jpeg").options().canonical());
        assertThat(parser.parse("w=200&dpr=2").options().canonical()).isEqualTo(parser.parse("w=400").options().canonical());
        assertThat(parser.parse("w=10&g=top").options().canonical()).isEqualTo(parser.parse("w=10").options().canonical());
    }

    @Test
    void canonicalFormSeparatesDifferentImages() {
        assertThat(parser.parse("w=1&h=2").options().canonical())
                .isNotEqualTo(parser.parse("w=1&h=2&fit=fill").options().canonical())
                .isNotEqualTo(parser.parse("w=1&h=2&g=top").options().canonical())
                .isNotEqualTo(parser.parse("w=1&h=2&q=81").options().canonical())
                .isNotEqualTo(parser.parse("w=1&h=2&enlarge=1").options().canonical())
                .isNotEqualTo(parser.parse("w=1&h=2&f=png").options().canonical())
                .isNotEqualTo(parser.parse("w=1&h=2&bg=000000").options().canonical());
    }
}
