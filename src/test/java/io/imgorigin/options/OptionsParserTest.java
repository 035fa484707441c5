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
    @CsvSource({"jpeg,JPEG", "jpg,JPEG", "png,PNG", "webp,WEBP", "gif,GIF", "auto,AUTO", "JPG,JPEG"})
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
            "f=bmp|f", "f=|f",
            "q=0|q", "q=101|q", "q=high|q",
            "fit=crop|fit", "g=middle|g",
            "dpr=0.5|dpr", "dpr=4.01|dpr", "dpr=5|dpr", "dpr=abc|dpr", "dpr=1e1|dpr",
            "bg=fff|bg", "bg=gggggg|bg", "bg=1234567|bg",
            "enlarge=yes|enlarge",
            "w=4096&dpr=3|w", "h=3000&dpr=4|h",
            "x=1|x", "width=10|width",
            "w=1&w=2|w", "s=a&s=b|s",
            "s=not*base64|s",
            "crop=-1,0,10,10|crop", "crop=0,0,0,10|crop", "crop=0,0,10,0|crop", "crop=0,0,10|crop",
            "crop=0,0,10,10,10|crop", "crop=a,0,10,10|crop", "crop=0,0,1.5,10|crop", "crop=|crop",
            "crop=0,0,9999999999,10|crop", "crop=0,,10,10|crop",
            "rot=45|rot", "rot=-90|rot", "rot=360|rot", "rot=|rot", "rot=90.0|rot",
            "flip=x|flip", "flip=|flip", "flip=h,v|flip",
            "trim=256|trim", "trim=-1|trim", "trim=yes|trim", "trim=|trim", "trim=1.5|trim",
            "pad=1001|pad", "pad=-1|pad", "pad=1,2|pad", "pad=1,2,3|pad", "pad=1,2,3,4,5|pad", "pad=a|pad",
            "pad=1,2,3,1001|pad", "pad=|pad",
            "blur=0.2|blur", "blur=100.01|blur", "blur=-1|blur", "blur=abc|blur", "blur=1e1|blur", "blur=|blur",
            "blur=NaN|blur",
            "sharpen=0.29|sharpen", "sharpen=10.5|sharpen", "sharpen=-0.5|sharpen", "sharpen=x|sharpen",
            "g=fp:|g", "g=fp:0.5|g", "g=fp:0.5,0.5,0.5|g", "g=fp:1.1,0.5|g", "g=fp:-0.1,0.5|g", "g=fp:a,b|g",
            "g=fp|g", "g=focal-point|g",
            "anim=yes|anim", "anim=|anim",
            "w=8000&pad=200|pad", "h=4000&pad=0,0,1000,0&dpr=2|pad", "pad=1000&dpr=4.1|dpr"})
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

    @Test
    void editingOptionsAreRead() {
        ImageOptions options = parser.parse("crop=10,20,300,200&rot=270&flip=hv&trim=5&pad=1,2,3,4&blur=1.5"
                + "&sharpen=0.3&anim=0&g=fp:0.25,1").options();
        Edits edits = options.edits();
        assertThat(edits.crop()).isEqualTo(new Crop(10, 20, 300, 200));
        assertThat(edits.rotation()).isEqualTo(270);
        assertThat(edits.swapsSides()).isTrue();
        assertThat(edits.flip()).isEqualTo(Flip.HV);
        assertThat(edits.flip().horizontal()).isTrue();
        assertThat(edits.flip().vertical()).isTrue();
        assertThat(edits.trim()).isEqualTo(5);
        assertThat(edits.pad()).isEqualTo(new Padding(1, 2, 3, 4));
        assertThat(options.blurSigma()).isEqualTo(1.5);
        assertThat(options.sharpenSigma()).isEqualTo(0.3);
        assertThat(options.animate()).isFalse();
        assertThat(options.gravity()).isEqualTo(Gravity.FOCAL_POINT);
        assertThat(edits.focalPoint()).isEqualTo(new FocalPoint(new BigDecimal("0.25"), BigDecimal.ONE));
    }

    @Test
    void editingOptionsDefaultToNone() {
        ImageOptions options = parser.parse("w=10").options();
        assertThat(options.edits()).isEqualTo(Edits.none());
        assertThat(options.animate()).isTrue();
        assertThat(options.blurSigma()).isNull();
        assertThat(options.sharpenSigma()).isNull();
        assertThat(options.targetPadding().isNone()).isTrue();
        assertThat(ImageOptions.original().edits()).isEqualTo(Edits.none());
    }

    @ParameterizedTest
    @CsvSource({"true,10", "TRUE,10", "0,0", "255,255", "37,37"})
    void trimSpellings(String value, int threshold) {
        assertThat(parser.parse("trim=" + value).options().edits().trim()).isEqualTo(threshold);
    }

    @ParameterizedTest
    @CsvSource({"h,H", "v,V", "hv,HV", "vh,HV", "HV,HV"})
    void flipSpellings(String value, Flip expected) {
        assertThat(parser.parse("flip=" + value).options().edits().flip()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "false,false", "1,true", "0,false", "FALSE,false"})
    void animSpellings(String value, boolean expected) {
        assertThat(parser.parse("anim=" + value).options().animate()).isEqualTo(expected);
    }

    @Test
    void oneMarginPadsEverySideAndScalesWithDpr() {
        ImageOptions options = parser.parse("pad=7&dpr=1.5").options();
        assertThat(options.edits().pad()).isEqualTo(new Padding(7, 7, 7, 7));
        assertThat(options.targetPadding()).isEqualTo(new Padding(11, 11, 11, 11));
        assertThat(parser.parse("pad=0,1,2,3&dpr=2").options().targetPadding()).isEqualTo(new Padding(0, 2, 4, 6));
    }

    @Test
    void sigmaBoundsAreInclusive() {
        assertThat(parser.parse("blur=0.3").options().blurSigma()).isEqualTo(0.3);
        assertThat(parser.parse("blur=100").options().blurSigma()).isEqualTo(100.0);
        assertThat(parser.parse("sharpen=10.000").options().sharpenSigma()).isEqualTo(10.0);
        assertThatThrownBy(() -> parser.parse("sharpen=11")).hasMessageContaining("0.3 to 10");
        assertThatThrownBy(() -> parser.parse("blur=101")).hasMessageContaining("0.3 to 100");
    }

    @Test
    void paddedOutputMustFitMaxOutputDimension() {
        assertThat(parser.parse("w=7992&pad=0,100,0,100").options().targetWidth()).isEqualTo(7992);
        assertThatThrownBy(() -> parser.parse("w=7993&pad=0,100,0,100"))
                .isInstanceOf(InvalidOptionException.class)
                .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo("pad"))
                .hasMessageContaining("8193");
        OptionsParser small = new OptionsParser(100, 80);
        assertThatThrownBy(() -> small.parse("pad=50")).hasMessageContaining("pad");
        assertThat(small.parse("pad=49,0,0,0").options().edits().pad().top()).isEqualTo(49);
    }

    @Test
    void gifIsNowAFormatRequest() {
        assertThat(FormatRequest.GIF.token()).isEqualTo("gif");
        assertThat(parser.parse("f=gif").options().canonical()).contains("f=gif", "q=none");
    }

    @Test
    void canonicalFormHoldsEditsOnlyWhenTheyChangeTheOutput() {
        String plain = parser.parse("w=10").options().canonical();
        assertThat(parser.parse("w=10&rot=0&anim=1&pad=0").options().canonical()).isEqualTo(plain);
        assertThat(parser.parse("w=10&g=fp:0.2,0.3").options().canonical()).isEqualTo(plain);
        assertThat(parser.parse("w=10&h=10&g=fp:0.20,0.3").options().canonical())
                .isEqualTo(parser.parse("w=10&h=10&g=fp:.2,0.300").options().canonical())
                .contains("g=fp:0.2,0.3");
        assertThat(parser.parse("w=10&trim=true").options().canonical())
                .isEqualTo(parser.parse("w=10&trim=10").options().canonical());
        assertThat(parser.parse("flip=vh").options().canonical())
                .isEqualTo(parser.parse("flip=hv").options().canonical());
        assertThat(parser.parse("pad=4&dpr=2").options().canonical())
                .isEqualTo(parser.parse("pad=8,8,8,8").options().canonical());
        assertThat(parser.parse("blur=2.50").options().canonical()).isEqualTo(parser.parse("blur=2.5").options().canonical());
    }

    @Test
    void canonicalFormSeparatesEveryEdit() {
        java.util.Set<String> forms = new java.util.HashSet<>();
        for (String query : java.util.List.of("w=10&h=10", "w=10&h=10&crop=0,0,5,5", "w=10&h=10&crop=0,0,5,6",
                "w=10&h=10&rot=90", "w=10&h=10&rot=180", "w=10&h=10&flip=h", "w=10&h=10&flip=v", "w=10&h=10&trim=0",
                "w=10&h=10&trim=1", "w=10&h=10&pad=1", "w=10&h=10&pad=1,0,0,0", "w=10&h=10&blur=1",
                "w=10&h=10&sharpen=1", "w=10&h=10&anim=false", "w=10&h=10&g=fp:0.5,0.5", "w=10&h=10&g=fp:0.5,0.6")) {
            assertThat(forms.add(parser.parse(query).options().canonical())).as(query).isTrue();
        }
    }
}
