/**
 * The {@code uipc} commands that work on groups ({@code create}, {@code destroy}, {@code launch},
 * {@code ps}, {@code send}, {@code backends}), as Picocli commands that the cli module's top
 * command registers, with their exit-code and error-line rules.
 */
package io.uipc.launcher.cli;
