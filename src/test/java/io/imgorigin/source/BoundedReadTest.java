package io.imgorigin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class BoundedReadTest {

    private final byte[] body = {1, 2, 3, 4, 5, 6};

    @Test
    void aBodyOfTheDeclaredLengthIsReadWhole() throws IOException {
        assertThat(BoundedRead.readDeclared(new ByteArrayInputStream(body), 6, 10, "k")).containsExactly(body);
    }

    @Test
    void aBodyShorterOrLongerThanDeclaredIsABrokenAnswerNotAnImage() {
        assertThatThrownBy(() -> BoundedRead.readDeclared(new ByteArrayInputStream(body), 9, 10, "k"))
                .isInstanceOf(SourceStoreException.class).hasMessageContaining("ended after 6 of the 9 bytes");
        assertThatThrownBy(() -> BoundedRead.readDeclared(new ByteArrayInputStream(body), 3, 10, "k"))
                .isInstanceOf(SourceStoreException.class).hasMessageContaining("longer than the 3 bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        assertThatThrownBy(() -> BoundedRead.readDeclared(in, 6, 5, "k")).isInstanceOf(SourceTooLargeException.class);
        assertThat(in.available()).isEqualTo(body.length);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhateverItsLength() throws IOException {
        assertThatThrownBy(() -> BoundedRead.readAtMost(new ByteArrayInputStream(body), 5, "k"))
                .isInstanceOf(SourceTooLargeException.class);
        assertThat(BoundedRead.readAtMost(new ByteArrayInputStream(body), 6, "k")).containsExactly(body);
    }
}
