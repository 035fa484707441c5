package io.imgorigin.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code imgorigin.format.auto}: the formats {@code f=auto} may choose, in order of preference. */
public final class AutoFormatSettings {

    private AutoFormatSettings() {
    }

    /** The configured names as format requests; an unknown name or one that is not avif or webp stops start-up. */
    public static List<FormatRequest> parse(List<String> names) {
        List<FormatRequest> formats = new ArrayList<>();
        for (String name : names.stream().flatMap(entry -> java.util.Arrays.stream(entry.split(","))).toList()) {
            String token = name.trim().toLowerCase(Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            FormatRequest format = switch (token) {
                case "avif" -> FormatRequest.AVIF;
                case "webp" -> FormatRequest.WEBP;
                default -> throw new IllegalArgumentException("imgorigin.format.auto may list avif and webp, not '"
                        + name + "'");
            };
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        return List.copyOf(formats);
    }
}
