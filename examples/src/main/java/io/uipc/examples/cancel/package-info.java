/**
 * Cancelling a session blocked in a system call from another process: the user interrupt that
 * replaces a signal.
 */
package io.uipc.examples.cancel;
