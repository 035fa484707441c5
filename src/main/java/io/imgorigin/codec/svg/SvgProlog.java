package io.imgorigin.codec.svg;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the start of an SVG document says, read as text and without an XML parser: its characters (by its
 * byte order mark, else its XML declaration's encoding, else UTF-8), whether it declares a DOCTYPE or an
 * entity anywhere, and the attributes of its root element when that is an {@code svg} element after an
 * optional XML declaration, comments, processing instructions and whitespace. The probe and the renderer
 * both go by it, so what is rendered is exactly what was recognised.
 *
 * @param text           the whole document as characters
 * @param declaresDtd    whether {@code <!DOCTYPE} or {@code <!ENTITY} appears anywhere (case-insensitively)
 * @param rootAttributes the root {@code svg} element's attributes by qualified name, in document order
 */
public record SvgProlog(String text, boolean declaresDtd, Map<String, String> rootAttributes) {

    /** How far into the document its root element must start (comments and whitespace count). */
    static final int MAX_PROLOG_CHARS = 64 * 1024;
    private static final int MAX_ROOT_TAG_CHARS = 64 * 1024;

    /**
     * The document's prolog, or empty when the bytes are not an SVG document: no {@code <svg} root within
     * the first 64 Ki characters. A document with a DOCTYPE whose root is {@code svg} (or whose DOCTYPE
     * names {@code svg}) is an SVG whose prolog {@link #declaresDtd()}.
     */
    public static Optional<SvgProlog> of(byte[] data) {
        if (!maybeXml(data)) {
            return Optional.empty();
        }
        String text = decode(data);
        int i = 0;
        boolean doctypeNamesSvg = false;
        boolean sawDoctype = false;
        int limit = Math.min(text.length(), MAX_PROLOG_CHARS);
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                if (end < 0) {
                    return Optional.empty();
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return Optional.empty();
                }
                i = end + 3;
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                sawDoctype = true;
                String name = name(text, skipSpace(text, i + 9));
                doctypeNamesSvg = name.equalsIgnoreCase("svg") || name.toLowerCase(Locale.ROOT).endsWith(":svg");
                int end = doctypeEnd(text, i + 9);
                if (end < 0) {
                    return doctypeNamesSvg ? Optional.of(new SvgProlog(text, true, Map.of())) : Optional.empty();
                }
                i = end;
            } else if (c == '<') {
                String name = name(text, i + 1);
                boolean svg = name.equals("svg") || name.endsWith(":svg");
                if (!svg) {
                    return doctypeNamesSvg ? Optional.of(new SvgProlog(text, true, Map.of())) : Optional.empty();
                }
                Map<String, String> attributes = attributes(text, i + 1 + name.length());
                if (attributes == null) {
                    return Optional.empty();
                }
                return Optional.of(new SvgProlog(text, sawDoctype || declaresDtd(text), attributes));
            } else {
                return Optional.empty();
            }
        }
        return doctypeNamesSvg ? Optional.of(new SvgProlog(text, true, Map.of())) : Optional.empty();
    }

    /** Whether the bytes can start an XML document: a BOM, whitespace or {@code <}, in UTF-8 or UTF-16. */
    private static boolean maybeXml(byte[] data) {
        if (data.length < 4) {
            return false;
        }
        int b0 = data[0] & 0xFF;
        int b1 = data[1] & 0xFF;
        if (b0 == 0xEF && b1 == 0xBB && (data[2] & 0xFF) == 0xBF || b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
            return true;
        }
        if (b0 == '<' && b1 == 0 || b0 == 0 && b1 == '<') {
            return true;
        }
        return b0 == '<' || b0 == ' ' || b0 == '\t' || b0 == '\r' || b0 == '\n';
    }

    /** The document's characters: UTF-16 by BOM or by a {@code <} with a zero byte, else the declared charset. */
    static String decode(byte[] data) {
        int b0 = data[0] & 0xFF;
        int b1 = data[1] & 0xFF;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 == '<') {
            return new String(data, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 == '<' && b1 == 0) {
            return new String(data, StandardCharsets.UTF_16LE);
        }
        int start = b0 == 0xEF && b1 == 0xBB ? 3 : 0;
        Charset charset = start == 0 ? declared(data) : StandardCharsets.UTF_8;
        return new String(data, start, data.length - start, charset);
    }

    /** The encoding an XML declaration names, when Java knows it and it is ASCII-compatible; else UTF-8. */
    private static Charset declared(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, 200), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = head.indexOf("?>");
        int at = head.indexOf("encoding");
        if (end < 0 || at < 0 || at > end) {
            return StandardCharsets.UTF_8;
        }
        int quote = at + 8;
        while (quote < end && head.charAt(quote) != '"' && head.charAt(quote) != '\'') {
            quote++;
        }
        int close = quote < end ? head.indexOf(head.charAt(quote), quote + 1) : -1;
        if (close < 0 || close > end) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = Charset.forName(head.substring(quote + 1, close).trim());
            return "<".equals(new String(new byte[] {'<'}, charset)) && charset.newEncoder().canEncode('<')
                    && !charset.name().startsWith("UTF-16") && !charset.name().startsWith("UTF-32")
                    ? charset : StandardCharsets.UTF_8;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** Whether a DOCTYPE or entity declaration appears anywhere in the text. */
    private static boolean declaresDtd(String text) {
        for (int i = text.indexOf("<!"); i >= 0; i = text.indexOf("<!", i + 2)) {
            if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9) || text.regionMatches(true, i, "<!ENTITY", 0, 8)) {
                return true;
            }
        }
        return false;
    }

    /** Past the DOCTYPE declaration that starts before {@code from}, internal subset included; -1 if unterminated. */
    private static int doctypeEnd(String text, int from) {
        char quote = 0;
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** An XML name starting at {@code i} (possibly empty). */
    private static String name(String text, int i) {
        int end = i;
        while (end < text.length() && end - i < 256) {
            char c = text.charAt(end);
            if (Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '-' || c == '.') {
                end++;
            } else {
                break;
            }
        }
        return text.substring(i, end);
    }

    /** The attributes of a start tag from after its name to its {@code >}, or null when it is malformed. */
    private static Map<String, String> attributes(String text, int i) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int limit = Math.min(text.length(), i + MAX_ROOT_TAG_CHARS);
        while (true) {
            i = skipSpace(text, i);
            if (i >= limit) {
                return null;
            }
            char c = text.charAt(i);
            if (c == '>' || c == '/') {
                return attributes;
            }
            String name = name(text, i);
            if (name.isEmpty()) {
                return null;
            }
            i = skipSpace(text, i + name.length());
            if (i >= limit || text.charAt(i) != '=') {
                return null;
            }
            i = skipSpace(text, i + 1);
            if (i >= limit || text.charAt(i) != '"' && text.charAt(i) != '\'') {
                return null;
            }
            int close = text.indexOf(text.charAt(i), i + 1);
            if (close < 0 || close >= limit) {
                return null;
            }
            attributes.putIfAbsent(name, text.substring(i + 1, close));
            i = close + 1;
        }
    }
}
