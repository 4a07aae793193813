package io.redisarrow.core;

import io.lettuce.core.codec.CRC16;
import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.channel.Buffers;

import java.util.Arrays;
import java.util.Objects;

/**
 * One input batch of a write, encoded: the commands of every key, in one buffer that goes out with
 * one write and one flush, and the units that say how to read their replies. The hand-off from an
 * encoder (such as {@code reactive-arrow}'s) to the Redis side, as {@link RawBatch} is for reads.
 *
 * <p>A <em>unit</em> is the commands that write one key: one command ({@link WriteReply#APPLIED},
 * {@link WriteReply#NIL_SKIPS}, {@link WriteReply#ZERO_SKIPS}) or a transaction
 * ({@link WriteReply#TRANSACTION}). It covers one or more input rows (a set's members, say) and
 * names its key for failures. Rows that needed no command are counted as written or skipped
 * directly. Units are appended in the order of their commands in {@link #commands()}: a unit's
 * commands are the bytes appended since the unit before it was recorded ({@link #unitStart},
 * {@link #unitEnd}), so that a write to a Redis Cluster can send each unit to the master serving
 * its key's hash slot ({@link #slot}).
 *
 * <p><b>Ownership:</b> the batch holds a pooled buffer. The write pipeline sends it, which releases
 * it; a batch that is never sent must be {@link #release() released}. Not thread-safe: built by one
 * encoder, then handed over.
 */
public final class WriteBatch {

    /** The hash slots of a Redis Cluster. */
    private static final int SLOTS = 16384;

    private final ByteBuf commands;

    private final int rows;

    private int units;

    private WriteReply[] replies;

    private int[] queued;

    private int[] unitRows;

    private byte[] keys;

    private int keyBytes;

    private int[] keyOffsets;

    private int[] keyLengths;

    /** Where each unit's commands end in the buffer. */
    private int[] ends;

    private long written;

    private long skipped;

    private boolean released;

    /**
     * @param rows the input rows this batch encodes
     * @param expectedUnits units to size the arrays for; the batch grows past it when needed
     * @param expectedBytes command bytes to size the buffer for
     */
    public WriteBatch(int rows, int expectedUnits, int expectedBytes) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
        this.rows = rows;
        int capacity = Math.max(1, expectedUnits);
        this.replies = new WriteReply[capacity];
        this.queued = new int[capacity];
        this.unitRows = new int[capacity];
        this.keyOffsets = new int[capacity];
        this.keyLengths = new int[capacity];
        this.ends = new int[capacity];
        this.keys = new byte[Math.max(64, Math.min(1 << 20, capacity * 16))];
        this.commands = Buffers.HEAP.buffer(Math.max(256, Math.min(1 << 24, expectedBytes)));
    }

    /**
     * @return the buffer the encoder appends commands to, in RESP (arrays of bulk strings)
     * @throws IllegalStateException once released
     */
    public ByteBuf commands() {
        if (released) {
            throw new IllegalStateException("the batch is released");
        }
        return commands;
    }

    /**
     * Records the unit whose commands were appended last: those appended to {@link #commands()}
     * since the unit before it was recorded (or since the start).
     *
     * @param reply how its replies read
     * @param queuedCommands for {@link WriteReply#TRANSACTION}, the commands between MULTI and
     *        EXEC ({@code >= 1}); 0 otherwise
     * @param key the array holding the key
     * @param keyOffset where the key starts
     * @param keyLength its length
     * @param unitRows the input rows the unit writes, {@code >= 1}
     */
    public void unit(WriteReply reply, int queuedCommands, byte[] key, int keyOffset, int keyLength, int unitRows) {
        Objects.requireNonNull(reply, "reply must not be null");
        if ((reply == WriteReply.TRANSACTION) != (queuedCommands > 0) || queuedCommands < 0) {
            throw new IllegalArgumentException("a transaction queues >= 1 command, other units none; got "
                    + queuedCommands + " for " + reply);
        }
        if (unitRows < 1) {
            throw new IllegalArgumentException("a unit writes >= 1 row");
        }
        if (units == replies.length) {
            int grown = units * 2;
            replies = Arrays.copyOf(replies, grown);
            queued = Arrays.copyOf(queued, grown);
            this.unitRows = Arrays.copyOf(this.unitRows, grown);
            keyOffsets = Arrays.copyOf(keyOffsets, grown);
            keyLengths = Arrays.copyOf(keyLengths, grown);
            ends = Arrays.copyOf(ends, grown);
        }
        if (keyBytes + keyLength > keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(RawBatch.MAX_DATA_BYTES,
                    Math.max((long) keys.length * 2, (long) keyBytes + keyLength)));
        }
        System.arraycopy(key, keyOffset, keys, keyBytes, keyLength);
        replies[units] = reply;
        queued[units] = queuedCommands;
        this.unitRows[units] = unitRows;
        keyOffsets[units] = keyBytes;
        keyLengths[units] = keyLength;
        ends[units] = commands.writerIndex();
        keyBytes += keyLength;
        units++;
    }

    /** @param count rows written without a command (nothing was left to change) */
    public void writtenWithoutCommand(int count) {
        written += count;
    }

    /** @param count rows skipped without a command (nothing to write) */
    public void skippedWithoutCommand(int count) {
        skipped += count;
    }

    /** @return the input rows this batch encodes */
    public int rows() {
        return rows;
    }

    /** @return the units, in command order */
    public int units() {
        return units;
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return how unit {@code unit}'s replies read
     */
    public WriteReply reply(int unit) {
        return replies[unit];
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return the commands unit {@code unit} queues in its transaction, 0 if it is none
     */
    public int queued(int unit) {
        return queued[unit];
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return the top-level replies unit {@code unit} gets
     */
    public int replyCount(int unit) {
        return replies[unit] == WriteReply.TRANSACTION ? queued[unit] + 2 : 1;
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return the input rows unit {@code unit} writes
     */
    public int unitRows(int unit) {
        return unitRows[unit];
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return a copy of unit {@code unit}'s key
     */
    public byte[] key(int unit) {
        return Arrays.copyOfRange(keys, keyOffsets[unit], keyOffsets[unit] + keyLengths[unit]);
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return where unit {@code unit}'s commands start in {@link #commands()}
     */
    public int unitStart(int unit) {
        return unit == 0 ? 0 : ends[unit - 1];
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return where unit {@code unit}'s commands end (exclusive) in {@link #commands()}
     */
    public int unitEnd(int unit) {
        return ends[unit];
    }

    /**
     * @param unit a unit, {@code 0 <= unit < units()}
     * @return the Redis Cluster hash slot of unit {@code unit}'s key: CRC16 of the key, or of its
     *         hash tag (the text between the first {@code {} and the first {@code }} after it, when
     *         not empty), modulo 16384
     */
    public int slot(int unit) {
        int offset = keyOffsets[unit];
        int length = keyLengths[unit];
        int end = offset + length;
        for (int open = offset; open < end; open++) {
            if (keys[open] == '{') {
                for (int close = open + 1; close < end; close++) {
                    if (keys[close] == '}') {
                        if (close > open + 1) {
                            offset = open + 1;
                            length = close - open - 1;
                        }
                        break;
                    }
                }
                break;
            }
        }
        return CRC16.crc16(keys, offset, length) & (SLOTS - 1);
    }

    /** @return rows counted as written without a command */
    public long writtenWithoutCommand() {
        return written;
    }

    /** @return rows counted as skipped without a command */
    public long skippedWithoutCommand() {
        return skipped;
    }

    /**
     * Hands the buffer over to whoever sends it; the batch no longer holds it.
     *
     * @return the commands
     * @throws IllegalStateException once released or handed over
     */
    public ByteBuf takeCommands() {
        if (released) {
            throw new IllegalStateException("the batch is released");
        }
        released = true;
        return commands;
    }

    /** Releases the buffer unless it was handed over. Idempotent. */
    public void release() {
        if (!released) {
            released = true;
            commands.release();
        }
    }
}
