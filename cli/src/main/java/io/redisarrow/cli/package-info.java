/**
 * The {@code redis-arrow} command-line tool: {@code export}, {@code import}, {@code infer},
 * {@code demo} and {@code bench}. Entry point: {@link io.redisarrow.cli.RedisArrowCli}.
 */
package io.redisarrow.cli;
