package io.uipc.junit.compat;

import io.uipc.launcher.LaunchedMember;

/** A member that joins, prints "ready" and runs until the shutdown vector. */
public final class CompatMember {
    private CompatMember() {
    }

    /**
     * @param args ignored
     */
    public static void main(final String[] args) {
        try (LaunchedMember self = LaunchedMember.join()) {
            System.out.println("ready");
            self.runUntilShutdown();
        }
    }
}
