/**
 * The reaper benchmark: what the elected reaper costs its process with thousands of members in
 * other processes, and how soon it finds a SIGKILLed member (docs/reliability.md, "What the
 * reaper costs").
 */
package io.uipc.benchmarks.reaper;
