package io.uipc.core.crossprocess;

import io.uipc.core.SendResult;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on {@link SendResult} codes that print what the codes mean. */
final class SendCodes {
    private SendCodes() {
    }

    static void assertCodes(final int[] expected, final int[] actual) {
        assertCodes(expected, actual, "send results");
    }

    static void assertCodes(final int[] expected, final int[] actual, final String what) {
        assertEquals(describe(expected), describe(actual), what);
    }

    static void assertCode(final int expected, final int actual) {
        assertCodes(new int[] {expected}, new int[] {actual});
    }

    static void assertPosted(final int actual) {
        if (!SendResult.isPosted(actual)) {
            throw new AssertionError("send failed: " + describe(actual));
        }
    }

    private static String describe(final int... codes) {
        return Arrays.stream(codes).mapToObj(c -> c + " (" + SendResult.describe(c) + ")").collect(Collectors.joining(", "));
    }
}
