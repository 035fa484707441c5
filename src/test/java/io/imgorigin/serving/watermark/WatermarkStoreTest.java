package io.imgorigin.serving.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.imgorigin.options.InvalidOptionException;
import io.imgorigin.processing.pipeline.ImageDecoder;
import io.imgorigin.processing.pipeline.UnsupportedImageException;
import io.imgorigin.source.ImageSource;
import io.imgorigin.source.SourceMetadata;
import io.imgorigin.source.SourceNotFoundException;
import io.imgorigin.source.SourceObject;
import io.imgorigin.source.SourceStoreException;

class WatermarkStoreTest {

    /** A store holding one object whose tag and presence the test sets. */
    private static final class Store implements ImageSource {

        volatile String etag = "v1";
        volatile boolean present = true;
        volatile boolean failing;
        final AtomicInteger stats = new AtomicInteger();
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public SourceMetadata stat(String key) {
            stats.incrementAndGet();
            check(key);
            return new SourceMetadata(etag, Instant.EPOCH, null);
        }

        @Override
        public SourceObject fetch(String key, long maxBytes) {
            fetches.incrementAndGet();
            check(key);
            return new SourceObject(new SourceMetadata(etag, Instant.EPOCH, null), etag.getBytes());
        }

        private void check(String key) {
            assertThat(key).isEqualTo("brand/logo.png");
            if (failing) {
                throw new SourceStoreException("the store is down");
            }
            if (!present) {
                throw new SourceNotFoundException(key);
            }
        }
    }

    private final Store store = new Store();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger decodes = new AtomicInteger();
    private final ImageDecoder decoder = (bytes, deadline) -> {
        decodes.incrementAndGet();
        if (new String(bytes).equals("broken")) {
            throw new UnsupportedImageException("not an image");
        }
        return new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
    };

    private WatermarkStore watermarks() {
        return new WatermarkStore(new WatermarkProperties("/brand/logo.png", Duration.ofMinutes(1)), store, decoder,
                1000, Duration.ofSeconds(5), clock::get);
    }

    @Test
    void withoutAKeyWmIsA400() {
        assertThatThrownBy(() -> WatermarkStore.none().current())
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("imgorigin.watermark.key");
    }

    @Test
    void theWatermarkIsDecodedOnceAndCheckedAtMostOncePerRefresh() {
        WatermarkStore watermarks = watermarks();
        watermarks.load();

        assertThat(watermarks.current().etag()).isEqualTo("v1");
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(watermarks.current().etag()).isEqualTo("v1");
        assertThat(store.stats).hasValue(1);
        assertThat(decodes).hasValue(1);

        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(watermarks.current().etag()).isEqualTo("v1");
        assertThat(store.stats).as("checked again after a minute").hasValue(2);
        assertThat(decodes).as("the same tag: not fetched or decoded again").hasValue(1);

        store.etag = "v2";
        assertThat(watermarks.current().etag()).as("not yet checked").isEqualTo("v1");
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(watermarks.current().etag()).isEqualTo("v2");
        assertThat(decodes).hasValue(2);
    }

    @Test
    void aMissingWatermarkIsUnavailableUntilItExists() {
        store.present = false;
        WatermarkStore watermarks = watermarks();
        watermarks.load();

        assertThatThrownBy(watermarks::current)
                .isInstanceOf(WatermarkUnavailableException.class)
                .hasMessageContaining("'brand/logo.png'").hasMessageContaining("does not exist");
        store.present = true;
        assertThatThrownBy(watermarks::current).as("until the next check").isInstanceOf(WatermarkUnavailableException.class);
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(watermarks.current().etag()).isEqualTo("v1");

        store.present = false;
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThatThrownBy(watermarks::current).as("deleted: unavailable again")
                .isInstanceOf(WatermarkUnavailableException.class);
    }

    @Test
    void anUnreadableWatermarkIsUnavailable() {
        store.etag = "broken";
        WatermarkStore watermarks = watermarks();

        assertThatThrownBy(watermarks::current).isInstanceOf(WatermarkUnavailableException.class)
                .hasMessageContaining("not an image that can be used");
    }

    @Test
    void aStoreFailureKeepsTheWatermarkThereIs() {
        WatermarkStore watermarks = watermarks();
        watermarks.load();
        store.failing = true;
        clock.addAndGet(Duration.ofMinutes(1).toNanos());

        assertThat(watermarks.current().etag()).isEqualTo("v1");

        WatermarkStore fresh = watermarks();
        assertThatThrownBy(fresh::current).as("with none loaded yet: unavailable")
                .isInstanceOf(WatermarkUnavailableException.class).hasMessageContaining("could not be read");
    }
}
