package io.imgorigin.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.imgorigin.options.InvalidOptionException;

/** The object key of a request: the raw path, percent-decoded exactly once and checked (SPEC section 1). */
public final class ObjectKey {

    static final int MAX_BYTES = 1024;

    private ObjectKey() {
    }

    /**
     * @param rawPath the path as sent, still percent-encoded, starting with '/'
     * @return the key, without the leading '/'
     */
    public static String fromRawPath(String rawPath) {
        if (rawPath == null || rawPath.length() <= 1 || rawPath.charAt(0) != '/') {
            throw invalid("the key is empty");
        }
        byte[] decoded = percentDecode(rawPath.substring(1));
        if (decoded.length == 0) {
            throw invalid("the key is empty");
        }
        if (decoded.length > MAX_BYTES) {
            throw invalid("the key is " + decoded.length + " bytes long; at most " + MAX_BYTES + " are allowed");
        }
        String key = utf8(decoded);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw invalid("the key contains a control character");
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid("the key contains a '" + segment + "' segment");
            }
        }
        return key;
    }

    private static byte[] percentDecode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%') {
                if (i + 2 >= bytes.length) {
                    throw invalid("the key has an incomplete percent-escape");
                }
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw invalid("the key has an invalid percent-escape");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("the key is not valid UTF-8");
        }
    }

    private static InvalidOptionException invalid(String detail) {
        return new InvalidOptionException("key", detail);
    }
}
