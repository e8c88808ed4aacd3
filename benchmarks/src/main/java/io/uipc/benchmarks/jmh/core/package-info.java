/**
 * JMH benchmarks of the core's hot paths: send, poll and await, with their allocation.
 */
package io.uipc.benchmarks.jmh.core;
