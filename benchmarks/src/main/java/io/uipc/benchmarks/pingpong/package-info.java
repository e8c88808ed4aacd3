/**
 * The cross-process ping-pong benchmark behind {@code uipc bench}: {@link
 * io.uipc.benchmarks.pingpong.PingPongBench#run} spawns a ping JVM and a pong JVM per mechanism
 * (uipc under each wait policy, and the channels a Java user would otherwise pick: FIFO, Unix
 * socket, POSIX signal), and returns one-way latency percentiles;
 * {@link io.uipc.benchmarks.pingpong.ResultTable} formats them.
 */
package io.uipc.benchmarks.pingpong;
