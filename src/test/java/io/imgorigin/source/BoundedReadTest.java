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
    void aBodyShorterOrLongerThanDeclaredGivesItsOwnBytes() throws IOException {
        assertThat(BoundedRead.readDeclared(new ByteArrayInputStream(body), 9, 10, "k")).containsExactly(body);
        assertThat(BoundedRead.readDeclared(new ByteArrayInputStream(body), 3, 10, "k")).containsExactly(body);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhateverWasDeclared() {
        assertThatThrownBy(() -> BoundedRead.readDeclared(new ByteArrayInputStream(body), 3, 5, "k"))
                .isInstanceOf(SourceTooLargeException.class);
        assertThatThrownBy(() -> BoundedRead.readDeclared(new ByteArrayInputStream(body), 6, 5, "k"))
                .isInstanceOf(SourceTooLargeException.class);
    }
}
