package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

/**
 * The leak suite of {@link LeakIntegrationTests}, run on a collection type: 2000 element rows in
 * keys of {@link #elementsPerKey()} elements (so a batch of 50 rows is always full), a key whose
 * element is not UTF-8 to fail the read, and 5000 elements of about 500 bytes for the cancel during
 * decoding.
 */
abstract class CollectionLeakIntegrationTests extends LeakIntegrationTests {

    /** One Utf8 element column: an element that is not UTF-8 does not parse. */
    static final Schema ELEMENTS = new Schema(List.of(new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    /** Adds the elements to the key with the type's command. */
    abstract RedisFuture<?> add(RedisAsyncCommands<byte[], byte[]> async, byte[] key, List<byte[]> elements);

    /** @return the elements of each loaded key, dividing 2000 and 50 by a whole number */
    int elementsPerKey() {
        return 10;
    }

    void loadElements(int rows, int bytes) {
        var async = loaderConnection.async();
        List<RedisFuture<?>> pending = new ArrayList<>();
        int perKey = elementsPerKey();
        for (int key = 0; key < rows / perKey; key++) {
            List<byte[]> elements = new ArrayList<>();
            for (int e = 0; e < perKey; e++) {
                String value = "value-" + key + "-" + e;
                elements.add(bytes(value + "v".repeat(Math.max(0, bytes - value.length()))));
            }
            pending.add(add(async, bytes(prefix + key), elements));
            if (pending.size() == 500) {
                pending.forEach(f -> f.toCompletableFuture().join());
                pending.clear();
            }
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }

    @Override
    @BeforeEach
    void load() {
        loadElements(2000, 0);
    }

    @Override
    void addBadKey() {
        add(loaderConnection.async(), bytes(prefix + "zz-bad"), List.of(new byte[] { (byte) 0xff, (byte) 0xfe }))
                .toCompletableFuture().join();
    }

    @Override
    void loadLarge() {
        loadElements(5000, 500);
    }
}
