package io.uipc.core;

/** User-interrupt vectors: 0..63, one bit each in the PIR; 63 has the highest priority. */
public final class Vectors {
    /** Number of user vectors. */
    public static final int COUNT = 64;
    /** Highest-priority vector. */
    public static final int MAX = COUNT - 1;

    private Vectors() {
    }

    /**
     * Checks a vector.
     *
     * @param vector a user vector
     * @return {@code vector} if it is in 0..63
     * @throws IllegalArgumentException otherwise
     */
    public static int check(final int vector) {
        if (vector < 0 || vector > MAX) {
            throw new IllegalArgumentException("vector " + vector + " is out of range: user vectors are 0.." + MAX);
        }
        return vector;
    }

    /**
     * Finds the highest pending vector: it is dispatched first, as UINTR delivers the highest first.
     *
     * @param bits a set of pending vectors
     * @return the highest vector in {@code bits}, or -1 if empty
     */
    public static int highest(final long bits) {
        return MAX - Long.numberOfLeadingZeros(bits);
    }
}
