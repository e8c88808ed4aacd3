/**
 * Process and file infrastructure shared by uipc's modules: not part of the API, and may change
 * in any release. The one way to create and attach a shared file
 * ({@link io.uipc.core.internal.SharedDirectory}, by relative name in an opened directory, with
 * each descriptor's {@link io.uipc.core.internal.SharedFileFormat} and the new file's
 * {@link io.uipc.core.internal.FileAccess}), full allocation of shared files
 * ({@link io.uipc.core.internal.FileAllocation}), the JVM flag list
 * ({@link io.uipc.core.internal.JvmFlags}), the one way to spawn a child JVM
 * ({@link io.uipc.core.internal.ChildJvm}), directories opened for work relative to them
 * ({@link io.uipc.core.internal.SecureDirectories}) and recursive deletes that never follow links
 * ({@link io.uipc.core.internal.FileTrees}).
 */
package io.uipc.core.internal;
