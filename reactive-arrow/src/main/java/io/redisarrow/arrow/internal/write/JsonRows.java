package io.redisarrow.arrow.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.internal.encode.JsonEncoders;
import io.redisarrow.arrow.internal.encode.JsonObjectEncoder;
import io.redisarrow.arrow.internal.encode.Resp;
import io.redisarrow.arrow.internal.encode.Text;
import io.redisarrow.arrow.internal.encode.ValueEncoder;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.WriteScript;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Encodes a batch as JSON documents, one unit per row, each row one object of its non-null cells
 * (see {@link JsonEncoders}): a transaction of {@code DEL}, {@code JSON.SET key $ doc} and
 * {@code PEXPIRE} for REPLACE; the {@link WriteScript#JSON_MERGE} script for MERGE, setting each
 * non-null cell's member whole ({@code $["name"]}); the {@link WriteScript#APPLY} script for
 * SKIP_EXISTING, which skips a key of any type (the module's own {@code JSON.SET ... NX} fails with
 * {@code WRONGTYPE} on a key of another type instead) and sets a TTL only on a key it created.
 */
final class JsonRows implements RowsEncoder {

    private final WriteMode mode;

    JsonRows(WriteMode mode) {
        this.mode = mode;
    }

    /**
     * Checks, for MERGE, that every member name has a path the JSON module resolves to that member
     * alone. valkey-json takes a new member's name in a path as a JSON Pointer, so {@code a/b}
     * would create {@code {"a":{"b":...}}} and {@code ~} nothing at all: such names are refused.
     *
     * @param layout the layout of a batch
     * @param mode the write's mode
     * @throws IllegalArgumentException naming the first name refused
     */
    static void checkMemberNames(WriteLayout layout, WriteMode mode) {
        if (mode != WriteMode.MERGE) {
            return;
        }
        for (int i = 0; i < layout.valueCount(); i++) {
            String name = new String(layout.valueName(i), StandardCharsets.UTF_8);
            if (name.indexOf('/') >= 0 || name.indexOf('~') >= 0) {
                throw new IllegalArgumentException("member '" + name + "' has a '/' or '~', which MERGE cannot set:"
                        + " valkey-json reads such a name in a path as a JSON Pointer and would set another member;"
                        + " rename the column, or write whole documents with REPLACE or SKIP_EXISTING");
            }
        }
    }

    @Override
    public Set<WriteScript> scripts(boolean withTtl) {
        return switch (mode) {
            case MERGE -> Set.of(WriteScript.JSON_MERGE);
            case SKIP_EXISTING -> Set.of(WriteScript.APPLY);
            case REPLACE -> Set.of();
        };
    }

    @Override
    public WriteBatch encode(VectorSchemaRoot root, WriteLayout layout) {
        int rows = root.getRowCount();
        int columns = layout.valueCount();
        RowKeys keys = layout.keys(root);
        RowTtls ttls = layout.ttls(root);
        List<FieldVector> vectors = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            vectors.add(layout.valueVector(root, i));
        }
        WriteBatch batch = new WriteBatch(rows, rows, Sizes.estimate(root, rows, columns));
        try {
            if (mode == WriteMode.MERGE) {
                merge(batch, layout, vectors, keys, ttls);
            } else {
                documents(batch, layout, vectors, keys, ttls);
            }
            return batch;
        } catch (RuntimeException e) {
            batch.release();
            throw e;
        }
    }

    private static void merge(WriteBatch batch, WriteLayout layout, List<FieldVector> vectors, RowKeys keys,
            RowTtls ttls) {
        int columns = vectors.size();
        ValueEncoder[] values = new ValueEncoder[columns];
        byte[][] paths = new byte[columns][];
        for (int i = 0; i < columns; i++) {
            values[i] = JsonEncoders.create(vectors.get(i));
            paths[i] = memberPath(layout.valueName(i));
        }
        ByteBuf out = batch.commands();
        for (int row = 0; row < batch.rows(); row++) {
            KeyBytes key = keys.key(row);
            long ttl = ttls.millis(row);
            int present = 0;
            for (ValueEncoder value : values) {
                if (!value.isNull(row)) {
                    present++;
                }
            }
            if (present == 0 && ttl == RowTtls.UNSET) {
                batch.writtenWithoutCommand(1);
                continue;
            }
            Commands.scriptHead(out, WriteScript.JSON_MERGE, 2 * present, key, false, ttl);
            for (int i = 0; i < columns; i++) {
                if (!values[i].isNull(row)) {
                    out.writeBytes(paths[i]);
                    values[i].writeBulk(row, out);
                }
            }
            batch.unit(WriteReply.APPLIED, 0, key.bytes(), 0, key.length(), 1);
        }
    }

    private void documents(WriteBatch batch, WriteLayout layout, List<FieldVector> vectors, RowKeys keys,
            RowTtls ttls) {
        List<String> names = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            names.add(new String(layout.valueName(i), StandardCharsets.UTF_8));
        }
        JsonObjectEncoder objects = JsonEncoders.objects(vectors, names);
        ByteBuf out = batch.commands();
        for (int row = 0; row < batch.rows(); row++) {
            KeyBytes key = keys.key(row);
            long ttl = ttls.millis(row);
            Text document = objects.text(row);
            if (mode == WriteMode.REPLACE) {
                out.writeBytes(Commands.MULTI);
                Commands.del(out, key);
                jsonSet(out, key, document);
                int queued = 2;
                if (ttl > 0) {
                    Commands.pexpire(out, key, ttl);
                    queued++;
                }
                out.writeBytes(Commands.EXEC);
                batch.unit(WriteReply.TRANSACTION, queued, key.bytes(), 0, key.length(), 1);
            } else {
                Commands.scriptHead(out, WriteScript.APPLY, 3, key, true, ttl > 0 ? ttl : RowTtls.UNSET);
                out.writeBytes(Commands.JSON_SET);
                out.writeBytes(Commands.ROOT);
                Resp.writeBulk(out, document.bytes(), document.offset(), document.length());
                batch.unit(WriteReply.ZERO_SKIPS, 0, key.bytes(), 0, key.length(), 1);
            }
        }
    }

    /** Appends {@code JSON.SET key $ document}. */
    private static void jsonSet(ByteBuf out, KeyBytes key, Text document) {
        Resp.writeArrayHeader(out, 4);
        out.writeBytes(Commands.JSON_SET);
        Commands.key(out, key);
        out.writeBytes(Commands.ROOT);
        Resp.writeBulk(out, document.bytes(), document.offset(), document.length());
    }

    /** @return {@code $["name"]} as a bulk string, the name a JSON string literal */
    static byte[] memberPath(byte[] name) {
        byte[] quoted = JsonEncoders.quoted(new String(name, StandardCharsets.UTF_8));
        byte[] path = new byte[quoted.length + 3];
        path[0] = '$';
        path[1] = '[';
        System.arraycopy(quoted, 0, path, 2, quoted.length);
        path[path.length - 1] = ']';
        return Commands.bulk(path);
    }
}
