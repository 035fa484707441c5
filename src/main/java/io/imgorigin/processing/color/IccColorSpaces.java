package io.imgorigin.processing.color;

import io.imgorigin.processing.probe.HeaderBytes;

import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.imgorigin.processing.pipeline.UnusableImageException;

/**
 * Parsed RGB ICC profiles by their bytes, each with its conversion to sRGB. Parsing a profile and making
 * its colour transform cost far more than hashing its bytes, and a site's images tend to share a few
 * profiles, so a small least-recently-used set is kept. Profiles that need no conversion (sRGB) or cannot
 * be used (unparsable, not RGB) are remembered as empty.
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

    private final Map<Key, Optional<ProfileConversion>> cache;

    IccColorSpaces(int capacity) {
        this.cache = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Optional<ProfileConversion>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The conversion from the RGB colour space the profile describes, or empty when it is unusable or not RGB. */
    Optional<ProfileConversion> rgb(byte[] profile) {
        Key key = new Key(profile);
        synchronized (cache) {
            Optional<ProfileConversion> known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        Optional<ProfileConversion> parsed = parse(profile);
        synchronized (cache) {
            cache.put(key, parsed);
        }
        return parsed;
    }

    /**
     * Whether the profile names itself sRGB, as the many cameras and editors that embed one do:
     * converting from it would change nothing but cost a colour transform per request.
     */
    private static boolean isSrgb(ICC_Profile icc) {
        byte[] description = icc.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (description == null || description.length < 16) {
            return false;
        }
        String text;
        if (HeaderBytes.startsWith(description, 0, "desc")) {
            text = new String(description, 12, Math.min(description.length - 12, 64), StandardCharsets.US_ASCII);
        } else if (HeaderBytes.startsWith(description, 0, "mluc") && description.length >= 28) {
            int length = (int) HeaderBytes.u32be(description, 20, "ICC");
            int offset = (int) HeaderBytes.u32be(description, 24, "ICC");
            if (offset < 0 || length < 0 || offset + length > description.length) {
                return false;
            }
            text = new String(description, offset, Math.min(length, 128), StandardCharsets.UTF_16BE);
        } else {
            return false;
        }
        return text.startsWith("sRGB");
    }

    private static Optional<ProfileConversion> parse(byte[] profile) {
        try {
            ICC_Profile icc = ICC_Profile.getInstance(profile);
            if (icc.getColorSpaceType() != ColorSpace.TYPE_RGB || icc.getNumComponents() != 3 || isSrgb(icc)) {
                return Optional.empty();
            }
            return Optional.of(new ProfileConversion(new ICC_ColorSpace(icc)));
        } catch (IllegalArgumentException | CMMException | UnusableImageException e) {
            return Optional.empty();
        }
    }
}
