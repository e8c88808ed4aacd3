package io.uipc.core.emulated;

/**
 * A receiver's SN as its take reads it: between each PIR word's read and its CAS, and again
 * after a CAS that cleared ON (docs/protocol.md, "Suppress racing a take"). SN is the
 * receiver's own field, not a shared word, since only the receiver reads it.
 */
@FunctionalInterface
interface Suppression {
    /** A receiver that is never suppressed: takes by tests and tools that act on the words. */
    Suppression NEVER = () -> false;

    /**
     * Tells whether the receiver is suppressed now.
     *
     * @return whether SN is set
     */
    boolean suppressed();
}
