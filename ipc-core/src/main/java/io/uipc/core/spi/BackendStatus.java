package io.uipc.core.spi;

/**
 * Whether a backend can run on this machine.
 *
 * @param name      backend name
 * @param available whether it can be used here
 * @param reason    what was checked and found, in one line
 */
public record BackendStatus(String name, boolean available, String reason) {
}
