/**
 * The Arrow IPC streaming format, both ways: messages serialized by Arrow's own serializer into heap
 * arrays, and a stream arriving in chunks cut into whole messages and loaded into vectors. Internal,
 * no compatibility promise.
 */
@NullMarked
package io.redisarrow.arrow.internal.ipc;

import org.jspecify.annotations.NullMarked;
