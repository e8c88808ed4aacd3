package io.uipc.junit;

import io.uipc.launcher.LaunchedMember;

import java.util.Arrays;

/**
 * A member for the extension's tests: joins accepting the vectors given as arguments, prints
 * "got vector V" when one arrives, prints "ready: NAME" and runs until the shutdown vector.
 */
public final class EchoMember {
    private EchoMember() {
    }

    /**
     * @param args vectors to accept and echo
     */
    public static void main(final String[] args) {
        final int[] vectors = Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        try (LaunchedMember self = LaunchedMember.join(vectors)) {
            for (final int v : vectors) {
                self.receiver().onVector(v, x -> System.out.println("got vector " + x));
            }
            System.out.println("ready: " + self.member().name());
            self.runUntilShutdown();
        }
    }
}
