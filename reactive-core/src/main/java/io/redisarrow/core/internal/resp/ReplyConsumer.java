package io.redisarrow.core.internal.resp;

/**
 * Receives the parts of RESP replies as {@link RespReader} reads them, straight from the received
 * bytes: a bulk string is announced by position and length, valid only during the call.
 *
 * <p>Each part is delivered once, as soon as it has arrived, in order: {@link #beginReply()},
 * then the reply's parts (an array header before its elements), then {@link #endReply()}. A reply
 * arriving in many reads is delivered in as many steps; nothing is ever delivered again.
 */
public interface ReplyConsumer {

    /** A new top-level reply starts: its first part follows. */
    void beginReply();

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
