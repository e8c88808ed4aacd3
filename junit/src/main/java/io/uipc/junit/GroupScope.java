package io.uipc.junit;

/** How long a {@link ProcessGroupTest}'s group lives: one test method, or the whole test class. */
public enum GroupScope {
    /** A new group for each test method, stopped and removed after it (the default). */
    METHOD,
    /**
     * One group for the test class, shared by its test methods (launch it from the spec or in a
     * {@code @BeforeAll} method with a {@link GroupHandle} parameter), stopped and removed after
     * the class.
     */
    CLASS
}
