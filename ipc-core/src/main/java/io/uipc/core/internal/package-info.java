/**
 * Process and file infrastructure shared by uipc's modules: not part of the API, and may change
 * in any release. The JVM flag list ({@link io.uipc.core.internal.JvmFlags}), the one way to
 * spawn a child JVM ({@link io.uipc.core.internal.ChildJvm}), full allocation of shared files
 * ({@link io.uipc.core.internal.FileAllocation}) and recursive deletes that never follow links
 * ({@link io.uipc.core.internal.FileTrees}).
 */
package io.uipc.core.internal;
