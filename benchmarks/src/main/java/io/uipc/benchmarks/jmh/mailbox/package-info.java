/**
 * JMH benchmarks of a mailbox message's offer and drain in one process.
 */
package io.uipc.benchmarks.jmh.mailbox;
