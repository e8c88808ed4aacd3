/**
 * The log-writer benchmark: commits per second and sync latency of the group-commit example at
 * several numbers of foreground processes.
 */
package io.uipc.benchmarks.logwriter;
