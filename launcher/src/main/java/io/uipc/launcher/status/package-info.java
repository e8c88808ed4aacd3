/**
 * Point-in-time status of a group for the tools that show it ({@code uipc ps}, {@code uipc top}):
 * its table's entries with their liveness and their receivers' counters, its reaper, and each
 * member's inbox depth. Everything is read without joining the group and without writing to it.
 */
package io.uipc.launcher.status;
