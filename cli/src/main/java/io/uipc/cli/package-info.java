/**
 * The {@code uipc} command line as installed: the top command, which registers the launcher's
 * group commands, and the commands that need the examples or the benchmarks ({@code demo},
 * {@code bench}). bin/uipc runs it from this module's build.
 */
package io.uipc.cli;
