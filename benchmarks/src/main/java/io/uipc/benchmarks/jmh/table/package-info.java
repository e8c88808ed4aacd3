/**
 * JMH benchmarks of the process table: join, leave, lookup and send by cached handle.
 */
package io.uipc.benchmarks.jmh.table;
