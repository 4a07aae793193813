package io.redisarrow.arrow.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.internal.encode.Resp;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.WriteScript;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * Encodes a batch as writes of collections (sets, lists, sorted sets), one unit per key: the rows
 * of a key are {@link KeyGroups grouped}, in the order the keys first appear, and their members
 * go out in row order in one command. MERGE sends the command ({@code SADD}, {@code RPUSH},
 * {@code ZADD}) alone, or through the {@link WriteScript#APPLY} script with a TTL; REPLACE a
 * transaction of {@code DEL}, the command and {@code PEXPIRE}; SKIP_EXISTING the script with its
 * only-if-absent flag. A row with no member is skipped; a key takes the TTL of its last row with
 * a member.
 */
final class CollectionRows implements RowsEncoder {

    private final WriteMode mode;

    private final byte[] command;

    private final BiFunction<VectorSchemaRoot, WriteLayout, Members> members;

    /**
     * @param mode the write mode
     * @param command the command adding members, as a bulk string
     * @param members makes a batch's members
     */
    CollectionRows(WriteMode mode, byte[] command, BiFunction<VectorSchemaRoot, WriteLayout, Members> members) {
        this.mode = mode;
        this.command = command;
        this.members = members;
    }

    @Override
    public Set<WriteScript> scripts(boolean withTtl) {
        return RowsEncoder.applyScriptFor(mode, withTtl);
    }

    @Override
    public WriteBatch encode(VectorSchemaRoot root, WriteLayout layout) {
        int rows = root.getRowCount();
        Members batchMembers = members.apply(root, layout);
        KeyGroups groups = KeyGroups.of(layout.keys(root), rows, batchMembers::isNull);
        RowTtls ttls = layout.ttls(root);
        if (ttls.set()) {
            for (int row = 0; row < rows; row++) {
                ttls.millis(row);
            }
        }
        int perRow = batchMembers.argsPerRow();
        WriteBatch batch = new WriteBatch(rows, groups.count(), Sizes.estimate(root, rows, perRow));
        try {
            batch.skippedWithoutCommand(groups.leftOut());
            ByteBuf out = batch.commands();
            KeyBytes key = new KeyBytes();
            for (int group = 0; group < groups.count(); group++) {
                key.clear();
                key.append(groups.keyBytes(), groups.keyOffset(group), groups.keyLength(group));
                long ttl = ttls.millis(groups.lastRow(group));
                int size = groups.size(group);
                int args = size * perRow;
                switch (mode) {
                    case MERGE -> {
                        if (ttl == RowTtls.UNSET) {
                            Resp.writeArrayHeader(out, 2 + args);
                            out.writeBytes(command);
                            Commands.key(out, key);
                        } else {
                            Commands.scriptHead(out, WriteScript.APPLY, 1 + args, key, false, ttl);
                            out.writeBytes(command);
                        }
                        writeMembers(out, batchMembers, groups, group);
                        batch.unit(WriteReply.APPLIED, 0, key.bytes(), 0, key.length(), size);
                    }
                    case REPLACE -> {
                        out.writeBytes(Commands.MULTI);
                        Commands.del(out, key);
                        Resp.writeArrayHeader(out, 2 + args);
                        out.writeBytes(command);
                        Commands.key(out, key);
                        writeMembers(out, batchMembers, groups, group);
                        int queued = 2;
                        if (ttl > 0) {
                            Commands.pexpire(out, key, ttl);
                            queued++;
                        }
                        out.writeBytes(Commands.EXEC);
                        batch.unit(WriteReply.TRANSACTION, queued, key.bytes(), 0, key.length(), size);
                    }
                    case SKIP_EXISTING -> {
                        Commands.scriptHead(out, WriteScript.APPLY, 1 + args, key, true,
                                ttl == RowTtls.PERSIST ? RowTtls.UNSET : ttl);
                        out.writeBytes(command);
                        writeMembers(out, batchMembers, groups, group);
                        batch.unit(WriteReply.ZERO_SKIPS, 0, key.bytes(), 0, key.length(), size);
                    }
                }
            }
            return batch;
        } catch (RuntimeException e) {
            batch.release();
            throw e;
        }
    }

    private static void writeMembers(ByteBuf out, Members members, KeyGroups groups, int group) {
        int size = groups.size(group);
        for (int i = 0; i < size; i++) {
            members.write(groups.row(group, i), out);
        }
    }
}
