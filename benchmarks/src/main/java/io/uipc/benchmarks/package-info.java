/**
 * What every benchmark shares: the one JMH runner ({@link io.uipc.benchmarks.BenchmarkMain}), the
 * way harnesses start their JVMs ({@link io.uipc.benchmarks.BenchJvms}) and histogram transport
 * between them. Benchmarks are measured, never asserted: see docs/benchmarks.md.
 */
package io.uipc.benchmarks;
