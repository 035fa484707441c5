package io.imgorigin.options;

import java.util.List;

/**
 * A query string taken apart: the options it asks for, the signature it carries (or null), and the
 * raw pairs other than the signature, in the order sent, for signature checks.
 */
public record ParsedQuery(ImageOptions options, String signature, List<RawOption> signedPairs) {
}
