package io.imgorigin.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.imgorigin.options.RawOption;

/**
 * Checks the {@code s} option (SPEC section 4): the unpadded base64url HMAC-SHA256 of the raw path and
 * the raw options sorted by name, under any of the configured keys.
 */
public final class SignatureVerifier {

    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    public SignatureVerifier(List<String> keys) {
        this.keys = keys.stream()
                .map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
    }

    public boolean enabled() {
        return !keys.isEmpty();
    }

    /** Throws {@link SignatureException} unless signing is off or {@code signature} is valid. */
    public void verify(String rawPath, List<RawOption> options, String signature) {
        if (!enabled()) {
            return;
        }
        if (signature == null) {
            throw new SignatureException("this URL must be signed with the 's' option");
        }
        byte[] presented = decode(signature);
        byte[] message = message(rawPath, options).getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (SecretKeySpec key : keys) {
            // every key is tried, whatever matched, so timing does not tell which key signed
            valid |= MessageDigest.isEqual(hmac(key, message), presented);
        }
        if (!valid) {
            throw new SignatureException("the signature 's' does not match this URL");
        }
    }

    /** The signed text: raw path, then '?' and the raw options sorted by name when there are any. */
    public static String message(String rawPath, List<RawOption> options) {
        if (options.isEmpty()) {
            return rawPath;
        }
        return rawPath + "?" + options.stream()
                .sorted(Comparator.comparing(RawOption::name))
                .map(RawOption::raw)
                .collect(Collectors.joining("&"));
    }

    public String sign(String rawPath, List<RawOption> options) {
        if (!enabled()) {
            throw new IllegalStateException("no signing key is configured");
        }
        byte[] mac = hmac(keys.getFirst(), message(rawPath, options).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getUrlDecoder().decode(signature.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the signature 's' is not base64url");
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
