package io.redisarrow.core;

/**
 * How the replies of one unit of a {@link WriteBatch} (the commands that write one key) say what
 * became of it. An error reply always makes the unit failed, with the server's message as reason.
 */
public enum WriteReply {

    /** One reply; any reply but an error means written ({@code HSET}, {@code SET}, {@code DEL}). */
    APPLIED,

    /** One reply; nil means the server declined, counted as skipped ({@code SET ... NX}). */
    NIL_SKIPS,

    /** One reply; the integer 0 means the server declined, counted as skipped (the write scripts). */
    ZERO_SKIPS,

    /**
     * {@code MULTI}, the unit's queued commands, {@code EXEC}: written when neither a command
     * while queueing nor one inside {@code EXEC}'s reply failed. The reason of a failed unit is its
     * first error, so a command refused while queueing (such as {@code OOM}) is named rather than
     * the {@code EXECABORT} that follows it.
     */
    TRANSACTION
}
