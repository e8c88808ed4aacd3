package io.uipc.benchmarks;

import java.util.Locale;

/**
 * Numbers for the harnesses' JSON lines: JSON has no NaN or Infinity, so a figure that was not
 * measured (or divides by a zero interval) is written as {@code null}.
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /**
     * Formats a number for JSON.
     *
     * @param value    the figure
     * @param decimals digits after the point
     * @return the number, or {@code null} if it is NaN or infinite
     */
    public static String of(final double value, final int decimals) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
