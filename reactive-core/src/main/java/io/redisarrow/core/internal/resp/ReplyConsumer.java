package io.redisarrow.core.internal.resp;

/**
 * Receives the parts of RESP replies as {@link RespParser} reads them, straight from the received
 * bytes: a bulk string is announced by position and length, valid only during the call.
 *
 * <p>A reply may arrive in pieces, and the parser finds out that an array is incomplete only when
 * it reaches the missing part. {@link #beginReply()} and {@link #abortReply()} let a consumer undo
 * what it took from a reply that turned out incomplete; the reply is delivered again, whole, once
 * more bytes have arrived.
 */
public interface ReplyConsumer {

    /** A new top-level reply starts. */
    void beginReply();

    /** The parts delivered since {@link #beginReply()} are void: the reply is incomplete. */
    void abortReply();

    /** The reply is complete. */
    void endReply();

    /** @param count elements of an array that follow ({@code -1}: nil array) */
    void array(int count);

    /**
     * @param data the array holding the received bytes (valid only during the call)
     * @param offset where the bytes start
     * @param length how many bytes
     */
    void bulk(byte[] data, int offset, int length);

    /** A nil bulk string. */
    void nil();

    /** @param value an integer reply */
    void integer(long value);

    /**
     * @param data the array holding the received bytes (valid only during the call)
     * @param offset where the simple string starts
     * @param length its length
     */
    void simple(byte[] data, int offset, int length);

    /** @param message an error reply, such as {@code WRONGTYPE Operation against a key ...} */
    void error(String message);
}
