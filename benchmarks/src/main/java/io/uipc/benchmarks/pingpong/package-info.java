/**
 * The cross-process ping-pong benchmark behind {@code uipc bench}: {@link
 * io.uipc.launcher.bench.PingPongBench#run} spawns a ping JVM and a pong JVM per mechanism
 * (uipc under each wait policy, and the channels a Java user would otherwise pick), and
 * returns one-way latency percentiles; {@link io.uipc.launcher.bench.ResultTable} formats them.
 */
package io.uipc.launcher.bench;
