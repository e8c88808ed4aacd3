/**
 * {@code uipc metrics}: a group's counters read from its shared files the way {@code uipc ps}
 * reads them ({@link io.uipc.launcher.status.GroupStatus}), written in the Prometheus text
 * exposition format 0.0.4 ({@link io.uipc.launcher.metrics.PrometheusText}), to stdout or atomically
 * to a node exporter textfile ({@link io.uipc.launcher.metrics.TextfileOutput}).
 */
package io.uipc.launcher.metrics;
