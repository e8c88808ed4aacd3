/**
 * What uipc's tests and chaos tools share: {@link io.uipc.testing.JvmProcess}, the one driver of
 * child JVMs, with {@link io.uipc.testing.CommandLoop}, the child's side of its line protocol,
 * and {@link io.uipc.testing.Signal} to stop, resume and kill them; and
 * {@link io.uipc.testing.TempGroups}, a test's own root for groups and interrupt domains.
 */
package io.uipc.testing;
