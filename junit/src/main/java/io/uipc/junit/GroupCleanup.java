package io.uipc.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link GroupHandle} as a store value JUnit closes when its method or class ends, exactly
 * once on every JUnit from 5.10: 5.10 to 5.12 close {@link ExtensionContext.Store.CloseableResource}
 * values only; 5.13 and later close an {@link AutoCloseable} value and then stop (without
 * calling it again as a {@code CloseableResource}, and without their warning about a value that
 * is only a {@code CloseableResource}), or, with the closing of {@code AutoCloseable} values
 * turned off, close it as a {@code CloseableResource}.
 *
 * @param handle the test's group
 */
@SuppressWarnings("deprecation")
record GroupCleanup(GroupHandle handle) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
        handle.close();
    }
}
