package io.imgorigin.options;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a raw query string into {@link ImageOptions}, refusing anything SPEC section 2 does not allow:
 * presets are expanded (the {@code default} preset, then the named ones in order, then the URL's own
 * options, each overriding what came before), {@code presets-only} and the allowed sizes enforced.
 */
public class OptionsParser {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SIGNED_DIGITS = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,6})?");
    private static final Pattern SIGMA = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,6})?");
    private static final Pattern FRACTION = Pattern.compile("[0-9]?(\\.[0-9]{1,6})?");
    private static final Pattern HEX_COLOUR = Pattern.compile("[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,128}={0,2}");
    private static final Pattern PRESET_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_QUERY_LENGTH = 2048;
    private static final String DEFAULT_PRESET = "default";

    private static final BigDecimal MIN_DPR = BigDecimal.ONE;
    private static final BigDecimal MAX_DPR = BigDecimal.valueOf(4);
    private static final BigDecimal MIN_SIGMA = new BigDecimal("0.3");
    private static final BigDecimal MAX_BLUR = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_SHARPEN = BigDecimal.TEN;
    private static final int MAX_PAD = 1000;
    private static final int DEFAULT_TRIM = 10;

    /**
     * What the parser is configured with.
     *
     * @param presets        option strings by preset name, as configured
     * @param allowedWidths  the widths tw may take; empty: any
     * @param allowedHeights the heights th may take; empty: any
     */
    public record Settings(int maxOutputDimension, Quality qualityDefaults, Map<String, String> presets,
            boolean presetsOnly, List<Integer> allowedWidths, List<Integer> allowedHeights) {

        public Settings {
            presets = Map.copyOf(presets);
            allowedWidths = List.copyOf(new TreeSet<>(allowedWidths));
            allowedHeights = List.copyOf(new TreeSet<>(allowedHeights));
        }

        /** No presets, any size, one default quality for every format. */
        public static Settings of(int maxOutputDimension, int defaultQuality) {
            return new Settings(maxOutputDimension, Quality.defaults(defaultQuality, defaultQuality, defaultQuality),
                    Map.of(), false, List.of(), List.of());
        }
    }

    private final int maxOutputDimension;
    private final Quality qualityDefaults;
    private final boolean presetsOnly;
    private final List<Integer> allowedWidths;
    private final List<Integer> allowedHeights;
    /** Each preset's options by name, already checked; the values as its string gives them. */
    private final Map<String, Map<String, String>> presets;

    public OptionsParser(int maxOutputDimension, int defaultQuality) {
        this(Settings.of(maxOutputDimension, defaultQuality));
    }

    /** @throws InvalidPresetException when a preset is badly named or holds an option it may not */
    public OptionsParser(Settings settings) {
        this.maxOutputDimension = settings.maxOutputDimension();
        this.qualityDefaults = settings.qualityDefaults();
        this.presetsOnly = settings.presetsOnly();
        this.allowedWidths = settings.allowedWidths();
        this.allowedHeights = settings.allowedHeights();
        Map<String, Map<String, String>> checked = new HashMap<>();
        settings.presets().forEach((name, optionString) -> checked.put(name, checkPreset(name, optionString)));
        this.presets = Collections.unmodifiableMap(checked);
    }

    /** The presets that hold this option, by name (to check at start that what it needs is configured). */
    public List<String> presetsUsing(String option) {
        return presets.entrySet().stream().filter(preset -> preset.getValue().containsKey(option))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public ParsedQuery parse(String rawQuery) {
        if (rawQuery != null && rawQuery.length() > MAX_QUERY_LENGTH) {
            throw new InvalidOptionException("query", "the query string is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        Map<String, String> sent = new LinkedHashMap<>();
        List<RawOption> signed = new ArrayList<>();
        String signature = null;
        for (RawOption pair : split(rawQuery)) {
            OptionName name = OptionName.of(pair.name());
            if (sent.putIfAbsent(pair.name(), pair.value()) != null) {
                throw new InvalidOptionException(pair.name(), "option '" + pair.name() + "' may appear at most once");
            }
            if (name == OptionName.S) {
                signature = signatureValue(pair.value());
            } else {
                signed.add(pair);
            }
        }
        sent.remove("s");
        if (sent.containsKey("info")) {
            checkInfo(sent);
            return new ParsedQuery(null, signature, List.copyOf(signed), true);
        }
        if (presetsOnly) {
            for (String name : sent.keySet()) {
                if (!name.equals("preset")) {
                    throw new InvalidOptionException(name, "option '" + name + "' is not accepted: this service "
                            + "serves presets only (imgorigin.presets-only); a request may carry only 'preset' and 's'");
                }
            }
        }
        Map<String, String> values = new HashMap<>();
        Map<String, String> fallback = presets.get(DEFAULT_PRESET);
        if (fallback != null) {
            values.putAll(fallback);
        }
        String named = sent.remove("preset");
        if (named != null) {
            for (String name : presetNames(named)) {
                values.putAll(presets.get(name));
            }
        }
        values.putAll(sent);
        ImageOptions options = options(values);
        checkAllowed("w", "width", options.targetWidth(), allowedWidths);
        checkAllowed("h", "height", options.targetHeight(), allowedHeights);
        return new ParsedQuery(options, signature, List.copyOf(signed), false);
    }

    /** The validated options of one set of values (a request's, presets expanded, or one preset's own). */
    private ImageOptions options(Map<String, String> values) {
        Integer width = dimension("w", values.get("w"));
        Integer height = dimension("h", values.get("h"));
        BigDecimal dpr = dpr(values.get("dpr"));
        FocalPoint focalPoint = focalPoint(values.get("g"));
        Edits edits = new Edits(
                trim(values.get("trim")),
                crop(values.get("crop")),
                rotation(values.get("rot")),
                flip(values.get("flip")),
                padding(values.get("pad")),
                sigma("blur", values.get("blur"), MAX_BLUR),
                sigma("sharpen", values.get("sharpen"), MAX_SHARPEN),
                focalPoint,
                bool("anim", values.get("anim"), true));
        ImageOptions options = new ImageOptions(
                width,
                height,
                format(values.get("f")),
                qualityDefaults.requesting(quality(values.get("q"))),
                token("fit", values.get("fit"), Fit.class, Fit.COVER),
                focalPoint != null ? Gravity.FOCAL_POINT : gravity(values.get("g")),
                dpr,
                colour(values.get("bg")),
                bool("enlarge", values.get("enlarge"), false),
                watermark(values.get("wm")),
                edits);
        checkTarget("w", options.targetWidth());
        checkTarget("h", options.targetHeight());
        checkPadded(options);
        return options;
    }

    private Map<String, String> checkPreset(String name, String optionString) {
        if (!PRESET_NAME.matcher(name).matches()) {
            throw new InvalidPresetException(name, "a preset name may hold only letters, digits, '-' and '_' "
                    + "(at most 64)");
        }
        if (optionString == null || optionString.isBlank()) {
            throw new InvalidPresetException(name, "the preset is empty; give it options such as w=400&h=300");
        }
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (RawOption pair : split(optionString.strip())) {
                OptionName option = OptionName.of(pair.name());
                if (option == OptionName.PRESET || option == OptionName.S || option == OptionName.INFO) {
                    throw new InvalidOptionException(pair.name(), "option '" + pair.name()
                            + "' cannot be part of a preset");
                }
                if (values.putIfAbsent(pair.name(), pair.value()) != null) {
                    throw new InvalidOptionException(pair.name(), "option '" + pair.name()
                            + "' may appear at most once");
                }
            }
            options(values);
        } catch (InvalidOptionException e) {
            throw new InvalidPresetException(name, e.getMessage());
        }
        return Collections.unmodifiableMap(values);
    }

    private List<String> presetNames(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            if (!PRESET_NAME.matcher(name).matches()) {
                throw outOfRange("preset", value, "NAME[,NAME…], names of letters, digits, '-' and '_'");
            }
            if (!presets.containsKey(name)) {
                throw new InvalidOptionException("preset", "unknown preset '" + name + "'");
            }
            names.add(name);
        }
        return names;
    }

    private static void checkInfo(Map<String, String> sent) {
        String value = sent.get("info");
        if (!value.equalsIgnoreCase("true")) {
            throw outOfRange("info", value, "true");
        }
        for (String name : sent.keySet()) {
            if (!name.equals("info")) {
                throw new InvalidOptionException(name, "option '" + name + "' cannot be combined with 'info': an info "
                        + "request may carry only 'info' and 's'");
            }
        }
    }

    private static void checkAllowed(String option, String side, Integer target, List<Integer> allowed) {
        if (target == null || allowed.isEmpty() || Collections.binarySearch(allowed, target) >= 0) {
            return;
        }
        StringJoiner list = new StringJoiner(", ");
        allowed.forEach(size -> list.add(size.toString()));
        throw new InvalidOptionException(option, "'" + option + "' times 'dpr' is " + target + " device pixels; "
                + "this service serves only these " + side + "s: " + list);
    }

    private static List<RawOption> split(String rawQuery) {
        List<RawOption> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String rawName = eq < 0 ? part : part.substring(0, eq);
            String rawValue = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new RawOption(decode("query", rawName), decode(rawName, rawValue), part));
        }
        return pairs;
    }

    private static String decode(String option, String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(option, "'" + option + "' is not valid percent-encoding");
        }
    }

    private Integer dimension(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!DIGITS.matcher(value).matches()) {
            throw outOfRange(name, value, "an integer from 1 to " + maxOutputDimension);
        }
        int parsed = Integer.parseInt(value);
        if (parsed < 1 || parsed > maxOutputDimension) {
            throw outOfRange(name, value, "an integer from 1 to " + maxOutputDimension);
        }
        return parsed;
    }

    private void checkTarget(String name, Integer target) {
        if (target != null && target > maxOutputDimension) {
            throw new InvalidOptionException(name, "'" + name + "' times 'dpr' is " + target
                    + " device pixels; at most " + maxOutputDimension + " are allowed");
        }
    }

    /** With the margins, a requested side must still fit max-output-dimension (the image's own size is checked later). */
    private void checkPadded(ImageOptions options) {
        Padding pad = options.targetPadding();
        if (pad.horizontal() >= maxOutputDimension || pad.vertical() >= maxOutputDimension) {
            throw new InvalidOptionException("pad", "'pad' times 'dpr' leaves no room for the image within "
                    + maxOutputDimension + " device pixels");
        }
        checkPaddedSide(options.targetWidth(), pad.horizontal(), "w");
        checkPaddedSide(options.targetHeight(), pad.vertical(), "h");
    }

    private void checkPaddedSide(Integer target, int margins, String side) {
        if (target != null && target + margins > maxOutputDimension) {
            throw new InvalidOptionException("pad", "'" + side + "' plus 'pad', times 'dpr', is " + (target + margins)
                    + " device pixels; at most " + maxOutputDimension + " are allowed");
        }
    }

    private static Integer quality(String value) {
        if (value == null) {
            return null;
        }
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 100) {
            throw outOfRange("q", value, "an integer from 1 to 100");
        }
        return Integer.parseInt(value);
    }

    private static FormatRequest format(String value) {
        if (value == null) {
            return FormatRequest.ORIGINAL;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> FormatRequest.JPEG;
            case "png" -> FormatRequest.PNG;
            case "webp" -> FormatRequest.WEBP;
            case "avif" -> FormatRequest.AVIF;
            case "gif" -> FormatRequest.GIF;
            case "auto" -> FormatRequest.AUTO;
            default -> throw outOfRange("f", value, "one of jpeg, jpg, png, webp, avif, gif, auto");
        };
    }

    private static <E extends Enum<E>> E token(String name, String value, Class<E> type, E fallback) {
        if (value == null) {
            return fallback;
        }
        String constant = value.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(constant)) {
                return candidate;
            }
        }
        throw outOfRange(name, value, "one of " + tokens(type));
    }

    private static <E extends Enum<E>> String tokens(Class<E> type) {
        List<String> allowed = new ArrayList<>();
        for (E candidate : type.getEnumConstants()) {
            allowed.add(candidate.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", allowed);
    }

    private static BigDecimal dpr(String value) {
        if (value == null) {
            return BigDecimal.ONE;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw outOfRange("dpr", value, "a decimal number from 1 to 4");
        }
        BigDecimal parsed = new BigDecimal(value);
        if (parsed.compareTo(MIN_DPR) < 0 || parsed.compareTo(MAX_DPR) > 0) {
            throw outOfRange("dpr", value, "a decimal number from 1 to 4");
        }
        return parsed.stripTrailingZeros();
    }

    private static Rgba colour(String value) {
        if (value == null) {
            return Rgba.WHITE;
        }
        if (!HEX_COLOUR.matcher(value).matches()) {
            throw outOfRange("bg", value, "a hex colour RRGGBB or RRGGBBAA");
        }
        int alpha = value.length() == 8 ? Integer.parseInt(value.substring(6, 8), 16) : 255;
        return new Rgba(Integer.parseInt(value.substring(0, 2), 16), Integer.parseInt(value.substring(2, 4), 16),
                Integer.parseInt(value.substring(4, 6), 16), alpha);
    }

    private static boolean bool(String name, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw outOfRange(name, value, "true, false, 1 or 0");
        };
    }

    private static final String GRAVITY_VALUES = "one of center, top, bottom, left, right, top-left, top-right, "
            + "bottom-left, bottom-right, smart, or fp:X,Y with X and Y decimals from 0 to 1";

    private static Gravity gravity(String value) {
        if (value == null) {
            return Gravity.CENTER;
        }
        String constant = value.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Gravity candidate : Gravity.values()) {
            if (candidate != Gravity.FOCAL_POINT && candidate.name().equals(constant)) {
                return candidate;
            }
        }
        throw outOfRange("g", value, GRAVITY_VALUES);
    }

    /** {@code fp:X,Y}, or null when {@code g} is absent or is not a focal point. */
    private static FocalPoint focalPoint(String value) {
        if (value == null || !value.regionMatches(true, 0, "fp:", 0, 3)) {
            return null;
        }
        String[] parts = value.substring(3).split(",", -1);
        if (parts.length != 2) {
            throw outOfRange("g", value, GRAVITY_VALUES);
        }
        BigDecimal x = fraction(parts[0]);
        BigDecimal y = fraction(parts[1]);
        if (x == null || y == null) {
            throw outOfRange("g", value, GRAVITY_VALUES);
        }
        return new FocalPoint(x, y);
    }

    private static Integer trim(String value) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return DEFAULT_TRIM;
        }
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) > 255) {
            throw outOfRange("trim", value, "an integer from 0 to 255, or true (10)");
        }
        return Integer.parseInt(value);
    }

    private static Crop crop(String value) {
        if (value == null) {
            return null;
        }
        String accepted = "X,Y,W,H: four integers, X and Y from 0, W and H from 1 (at most 9 digits each)";
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            throw outOfRange("crop", value, accepted);
        }
        int[] numbers = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!DIGITS.matcher(parts[i]).matches()) {
                throw outOfRange("crop", value, accepted);
            }
            numbers[i] = Integer.parseInt(parts[i]);
        }
        if (numbers[2] < 1 || numbers[3] < 1) {
            throw outOfRange("crop", value, accepted);
        }
        return new Crop(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    private static int rotation(String value) {
        if (value == null) {
            return 0;
        }
        return switch (value) {
            case "0" -> 0;
            case "90" -> 90;
            case "180" -> 180;
            case "270" -> 270;
            default -> throw outOfRange("rot", value, "one of 0, 90, 180, 270");
        };
    }

    private static Flip flip(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "h" -> Flip.H;
            case "v" -> Flip.V;
            case "hv", "vh" -> Flip.HV;
            default -> throw outOfRange("flip", value, "one of h, v, hv");
        };
    }

    private static Padding padding(String value) {
        if (value == null) {
            return Padding.NONE;
        }
        String accepted = "N or T,R,B,L: integers from 0 to " + MAX_PAD + " (CSS pixels)";
        String[] parts = value.split(",", -1);
        if (parts.length != 1 && parts.length != 4) {
            throw outOfRange("pad", value, accepted);
        }
        int[] margins = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!DIGITS.matcher(parts[i]).matches() || Integer.parseInt(parts[i]) > MAX_PAD) {
                throw outOfRange("pad", value, accepted);
            }
            margins[i] = Integer.parseInt(parts[i]);
        }
        return parts.length == 1 ? new Padding(margins[0], margins[0], margins[0], margins[0])
                : new Padding(margins[0], margins[1], margins[2], margins[3]);
    }

    private static BigDecimal sigma(String name, String value, BigDecimal max) {
        if (value == null) {
            return null;
        }
        String accepted = "a decimal number from 0.3 to " + max.toPlainString();
        if (!SIGMA.matcher(value).matches()) {
            throw outOfRange(name, value, accepted);
        }
        BigDecimal parsed = new BigDecimal(value);
        if (parsed.compareTo(MIN_SIGMA) < 0 || parsed.compareTo(max) > 0) {
            throw outOfRange(name, value, accepted);
        }
        return parsed;
    }

    /** {@code OPACITY[,POS[,X,Y[,SCALE]]]}. */
    private WatermarkOptions watermark(String value) {
        if (value == null) {
            return null;
        }
        String accepted = "OPACITY[,POSITION[,X,Y[,SCALE]]]: an opacity from 0 to 1; a position, one of "
                + tokens(WatermarkPosition.class) + "; X and Y offsets, integers from -" + maxOutputDimension
                + " to " + maxOutputDimension + " (from 0 for tile); a scale from 0 to 1";
        String[] parts = value.split(",", -1);
        if (parts.length == 3 || parts.length > 5) {
            throw outOfRange("wm", value, accepted);
        }
        BigDecimal opacity = fraction(parts[0]);
        WatermarkPosition position = parts.length > 1 ? watermarkPosition(parts[1]) : WatermarkPosition.BOTTOM_RIGHT;
        int x = parts.length > 3 ? offset(parts[2]) : 0;
        int y = parts.length > 3 ? offset(parts[3]) : 0;
        BigDecimal scale = parts.length > 4 ? fraction(parts[4]) : BigDecimal.ZERO;
        if (opacity == null || position == null || x == Integer.MIN_VALUE || y == Integer.MIN_VALUE || scale == null
                || position == WatermarkPosition.TILE && (x < 0 || y < 0)) {
            throw outOfRange("wm", value, accepted);
        }
        return new WatermarkOptions(opacity, position, x, y, scale);
    }

    /** A decimal from 0 to 1, or null. */
    private static BigDecimal fraction(String text) {
        if (text.isEmpty() || text.equals(".") || !FRACTION.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text.startsWith(".") ? "0" + text : text);
        return value.compareTo(BigDecimal.ONE) > 0 ? null : value;
    }

    private static WatermarkPosition watermarkPosition(String text) {
        String constant = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (WatermarkPosition candidate : WatermarkPosition.values()) {
            if (candidate.name().equals(constant)) {
                return candidate;
            }
        }
        return null;
    }

    /** An integer within ±max-output-dimension, or Integer.MIN_VALUE. */
    private int offset(String text) {
        if (!SIGNED_DIGITS.matcher(text).matches()) {
            return Integer.MIN_VALUE;
        }
        int value = Integer.parseInt(text);
        return Math.abs(value) > maxOutputDimension ? Integer.MIN_VALUE : value;
    }

    private static String signatureValue(String value) {
        if (!BASE64URL.matcher(value).matches()) {
            throw outOfRange("s", value, "an unpadded base64url HMAC-SHA256 signature");
        }
        return value;
    }

    private static InvalidOptionException outOfRange(String name, String value, String accepted) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return new InvalidOptionException(name, "option '" + name + "' must be " + accepted + ", not '" + shown + "'");
    }

    private enum OptionName {
        W, H, F, Q, FIT, G, DPR, BG, ENLARGE, CROP, ROT, FLIP, TRIM, PAD, BLUR, SHARPEN, WM, ANIM, PRESET, INFO, S;

        static OptionName of(String name) {
            for (OptionName candidate : values()) {
                if (candidate.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return candidate;
                }
            }
            String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            throw new InvalidOptionException(shown, "unknown option '" + shown
                    + "'; known options are w, h, f, q, fit, g, dpr, bg, enlarge, crop, rot, flip, trim, pad, blur, sharpen, "
                    + "wm, anim, preset, info, s");
        }
    }
}
