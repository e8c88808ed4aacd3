/**
 * The cross-process mailbox benchmark behind {@code uipc bench --mailbox}: ping-pong latency of mail
 * interleaved with interrupt-only round trips, and 1-to-1 and N-to-1 throughput.
 */
package io.uipc.benchmarks.mailbox;
