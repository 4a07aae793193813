package io.redisarrow.core;

/**
 * The data type's part of a {@link ReadRequest}: which Redis type the keys hold and what to fetch
 * from each. One implementation per data type; the fetch stage that serves it is chosen from it.
 */
public sealed interface ValueRead permits HashValues, JsonValues, StringValues, CollectionValues {

    /** @return the type name SCAN TYPE filters on, such as {@code hash} */
    String keyType();

    /** @return how many value columns each row of a {@link RawBatch} has */
    int columnCount();

    /**
     * @return a module command the server must know before the read starts (checked once per
     *         session), or null when the read needs none
     */
    default String requiredCommand() {
        return null;
    }
}
