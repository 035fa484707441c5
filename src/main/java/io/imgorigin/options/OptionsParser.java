package io.imgorigin.options;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a raw query string into {@link ImageOptions}, refusing anything SPEC section 2 does not allow. */
public class OptionsParser {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,2}(\\.[0-9]{1,6})?");
    private static final Pattern HEX_COLOUR = Pattern.compile("[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,128}={0,2}");
    private static final int MAX_QUERY_LENGTH = 2048;

    private static final BigDecimal MIN_DPR = BigDecimal.ONE;
    private static final BigDecimal MAX_DPR = BigDecimal.valueOf(4);

    private final int maxOutputDimension;
    private final int defaultQuality;

    public OptionsParser(int maxOutputDimension, int defaultQuality) {
        this.maxOutputDimension = maxOutputDimension;
        this.defaultQuality = defaultQuality;
    }

    public ParsedQuery parse(String rawQuery) {
        if (rawQuery != null && rawQuery.length() > MAX_QUERY_LENGTH) {
            throw new InvalidOptionException("query", "the query string is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        Map<String, String> values = new HashMap<>();
        List<RawOption> signed = new ArrayList<>();
        String signature = null;
        for (RawOption pair : split(rawQuery)) {
            OptionName name = OptionName.of(pair.name());
            if (values.putIfAbsent(pair.name(), pair.value()) != null) {
                throw new InvalidOptionException(pair.name(), "option '" + pair.name() + "' may appear at most once");
            }
            if (name == OptionName.S) {
                signature = signatureValue(pair.value());
            } else {
                signed.add(pair);
            }
        }
        Integer width = dimension("w", values.get("w"));
        Integer height = dimension("h", values.get("h"));
        BigDecimal dpr = dpr(values.get("dpr"));
        ImageOptions options = new ImageOptions(
                width,
                height,
                format(values.get("f")),
                quality(values.get("q")),
                token("fit", values.get("fit"), Fit.class, Fit.COVER),
                token("g", values.get("g"), Gravity.class, Gravity.CENTER),
                dpr,
                colour(values.get("bg")),
                enlarge(values.get("enlarge")),
                values.get("q") == null);
        checkTarget("w", options.targetWidth());
        checkTarget("h", options.targetHeight());
        return new ParsedQuery(options, signature, List.copyOf(signed));
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

    private int quality(String value) {
        if (value == null) {
            return defaultQuality;
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
            case "auto" -> FormatRequest.AUTO;
            default -> throw outOfRange("f", value, "one of jpeg, jpg, png, webp, avif, auto");
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
        List<String> allowed = new ArrayList<>();
        for (E candidate : type.getEnumConstants()) {
            allowed.add(candidate.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw outOfRange(name, value, "one of " + String.join(", ", allowed));
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

    private static boolean enlarge(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw outOfRange("enlarge", value, "true, false, 1 or 0");
        };
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
        W, H, F, Q, FIT, G, DPR, BG, ENLARGE, S;

        static OptionName of(String name) {
            for (OptionName candidate : values()) {
                if (candidate.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return candidate;
                }
            }
            String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            throw new InvalidOptionException(shown, "unknown option '" + shown
                    + "'; known options are w, h, f, q, fit, g, dpr, bg, enlarge, s");
        }
    }
}
