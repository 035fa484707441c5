package io.imgorigin.options;

/** One {@code name=value} pair of the query string exactly as sent (still percent-encoded). */
public record RawOption(String name, String value, String raw) {
}
