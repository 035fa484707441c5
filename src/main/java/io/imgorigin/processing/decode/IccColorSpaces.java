package io.imgorigin.processing.decode;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed RGB ICC profiles by their bytes. Parsing a profile costs far more than hashing its bytes,
 * and a site's images tend to share a few profiles, so a small least-recently-used set is kept.
 * Profiles that cannot be used (unparsable, or not RGB) are remembered as empty too.
 */
final class IccColorSpaces {

    private record Key(byte[] bytes, int hash) {

        Key(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && Arrays.equals(key.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, Optional<ICC_ColorSpace>> cache;

    IccColorSpaces(int capacity) {
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Optional<ICC_ColorSpace>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The RGB colour space the profile describes, or empty when it is unusable or not RGB. */
    Optional<ICC_ColorSpace> rgb(byte[] profile) {
        Key key = new Key(profile);
        synchronized (cache) {
            Optional<ICC_ColorSpace> known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        Optional<ICC_ColorSpace> parsed = parse(profile);
        synchronized (cache) {
            cache.put(key, parsed);
        }
        return parsed;
    }

    private static Optional<ICC_ColorSpace> parse(byte[] profile) {
        try {
            ICC_Profile icc = ICC_Profile.getInstance(profile);
            if (icc.getColorSpaceType() != ColorSpace.TYPE_RGB || icc.getNumComponents() != 3) {
                return Optional.empty();
            }
            return Optional.of(new ICC_ColorSpace(icc));
        } catch (IllegalArgumentException | java.awt.color.CMMException e) {
            return Optional.empty();
        }
    }
}
