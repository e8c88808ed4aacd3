package io.uipc.launcher.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;

/**
 * The extension behind {@link ProcessGroupTest}: resolves {@link GroupHandle} parameters, one
 * handle per test method, kept in the method's {@link ExtensionContext.Store} so JUnit closes
 * it (stopping the group) when the test ends, however it ends.
 */
public final class ProcessGroupExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProcessGroupExtension.class);

    /** Creates the extension; JUnit calls it. */
    public ProcessGroupExtension() {
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        return parameter.getParameter().getType() == GroupHandle.class && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        final ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(GroupHandle.class, k -> open(context), GroupHandle.class);
    }

    private static GroupHandle open(final ExtensionContext context) {
        final GroupHandle handle = new GroupHandle(context.getUniqueId());
        final Optional<String> spec = specOf(context);
        if (spec.isPresent()) {
            try {
                handle.launch(GroupHandle.loadSpec(spec.get(), context.getRequiredTestClass()));
            } catch (final RuntimeException e) {
                handle.close();
                throw new ParameterResolutionException("cannot launch " + spec.get() + ": " + e.getMessage(), e);
            }
        }
        return handle;
    }

    private static Optional<String> specOf(final ExtensionContext context) {
        Optional<ProcessGroupTest> a = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, ProcessGroupTest.class));
        if (a.isEmpty() || a.get().spec().isEmpty()) {
            a = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProcessGroupTest.class);
        }
        return a.map(ProcessGroupTest::spec).filter(s -> !s.isEmpty());
    }
}
