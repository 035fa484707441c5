package io.imgorigin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.OptionsParser;
import io.imgorigin.options.ParsedQuery;

class SignatureVerifierTest {

    private final OptionsParser parser = new OptionsParser(8192, 80);

    @Test
    void messageIsRawPathAndRawOptionsSortedByName() {
        ParsedQuery query = parser.parse("w=10&f=webp&bg=%46F0000&s=x");
        assertThat(SignatureVerifier.message("/a%20b.jpg", query.signedPairs()))
                .isEqualTo("/a%20b.jpg?bg=%46F0000&f=webp&w=10");
        assertThat(SignatureVerifier.message("/a.jpg", List.of())).isEqualTo("/a.jpg");
    }

    @Test
    void acceptsAnIndependentlyComputedHmacUnderAnyKey() throws Exception {
        SignatureVerifier verifier = new SignatureVerifier(List.of("old-key", "new-key"));
        ParsedQuery query = parser.parse("h=20&w=10");
        String expected = hmac("new-key", "/photos/cat.jpg?h=20&w=10");
        assertThatCode(() -> verifier.verify("/photos/cat.jpg", query.signedPairs(), expected)).doesNotThrowAnyException();
        String old = hmac("old-key", "/photos/cat.jpg?h=20&w=10");
        assertThatCode(() -> verifier.verify("/photos/cat.jpg", query.signedPairs(), old)).doesNotThrowAnyException();
    }

    @Test
    void refusesMissingWrongOrForeignSignatures() throws Exception {
        SignatureVerifier verifier = new SignatureVerifier(List.of("secret"));
        ParsedQuery query = parser.parse("w=10");
        assertThatThrownBy(() -> verifier.verify("/a.jpg", query.signedPairs(), null))
                .isInstanceOf(SignatureException.class);
        String forOtherPath = hmac("secret", "/b.jpg?w=10");
        assertThatThrownBy(() -> verifier.verify("/a.jpg", query.signedPairs(), forOtherPath))
                .isInstanceOf(SignatureException.class);
        String otherKey = hmac("not-secret", "/a.jpg?w=10");
        assertThatThrownBy(() -> verifier.verify("/a.jpg", query.signedPairs(), otherKey))
                .isInstanceOf(SignatureException.class);
        assertThatThrownBy(() -> verifier.verify("/a.jpg", query.signedPairs(), "AAAA"))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void signingOffAcceptsAnything() {
        SignatureVerifier verifier = new SignatureVerifier(List.of());
        assertThat(verifier.enabled()).isFalse();
        assertThatCode(() -> verifier.verify("/a.jpg", List.of(), "whatever")).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify("/a.jpg", List.of(), null)).doesNotThrowAnyException();
    }

    @Test
    void signProducesWhatVerifyAccepts() {
        SignatureVerifier verifier = new SignatureVerifier(List.of("k"));
        ParsedQuery query = parser.parse("w=1&q=50");
        String signature = verifier.sign("/x.png", query.signedPairs());
        assertThat(signature).doesNotContain("=", "+", "/");
        assertThatCode(() -> verifier.verify("/x.png", query.signedPairs(), signature)).doesNotThrowAnyException();
    }

    static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPresetUrlIsSignedAsSentNotAsExpanded() throws Exception {
        OptionsParser withPresets = new OptionsParser(new OptionsParser.Settings(8192,
                io.imgorigin.options.Quality.defaults(80, 80, 80), java.util.Map.of("thumb", "w=200&h=200"), true,
                List.of(), List.of()));
        SignatureVerifier verifier = new SignatureVerifier(List.of("key"));
        String signature = hmac("key", "/cat.jpg?preset=thumb");
        ParsedQuery query = withPresets.parse("preset=thumb&s=" + signature);
        assertThatCode(() -> verifier.verify("/cat.jpg", query.signedPairs(), query.signature()))
                .doesNotThrowAnyException();
        String expanded = hmac("key", "/cat.jpg?h=200&w=200");
        assertThatThrownBy(() -> verifier.verify("/cat.jpg", query.signedPairs(), expanded))
                .isInstanceOf(SignatureException.class);
    }

}
