package io.imgorigin.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The request's If-None-Match and If-Modified-Since. If-None-Match wins when both are sent
 * (RFC 9110 section 13.2.2), and uses the weak comparison, so {@code W/"x"} matches {@code "x"}.
 *
 * @param ifNoneMatch     the entity tags listed, or null when the header is absent
 * @param ifModifiedSince the date, or null when absent or unparsable
 */
public record Preconditions(List<String> ifNoneMatch, Instant ifModifiedSince) {

    public static final Preconditions NONE = new Preconditions(null, null);

    public static Preconditions of(String ifNoneMatchHeader, Instant ifModifiedSince) {
        return new Preconditions(ifNoneMatchHeader == null ? null : parseTags(ifNoneMatchHeader), ifModifiedSince);
    }

    public boolean present() {
        return ifNoneMatch != null || ifModifiedSince != null;
    }

    /** Whether a representation with this tag and modification time need not be sent again. */
    public boolean notModified(String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            String opaque = opaque(etag);
            return ifNoneMatch.stream().anyMatch(tag -> tag.equals("*") || opaque(tag).equals(opaque));
        }
        return ifModifiedSince != null && lastModified != null && !lastModified.isAfter(ifModifiedSince);
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static List<String> parseTags(String header) {
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
