package io.imgorigin.options;

import java.util.List;

/**
 * A query string taken apart: the options it asks for (presets expanded; null for an info request), the
 * signature it carries (or null), the raw pairs other than the signature, in the order sent, for signature
 * checks (they cover the options as sent, not as expanded), and whether it asks for the source's metadata
 * ({@code info=true}) instead of an image.
 */
public record ParsedQuery(ImageOptions options, String signature, List<RawOption> signedPairs, boolean info) {

    public ParsedQuery(ImageOptions options, String signature, List<RawOption> signedPairs) {
        this(options, signature, signedPairs, false);
    }
}
