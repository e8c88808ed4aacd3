/**
 * The chaos tool: member JVMs that mail and interrupt each other while members are killed,
 * stopped and continued, with exact accounting of every message and interrupt and checks of the
 * table for leaks (docs/reliability.md).
 */
package io.uipc.chaos;
