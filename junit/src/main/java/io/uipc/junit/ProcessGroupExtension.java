package io.uipc.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;

/**
 * The extension behind {@link ProcessGroupTest}: resolves {@link GroupHandle} parameters, one
 * handle per test method, or per test class with {@link GroupScope#CLASS} (then also in
 * {@code @BeforeAll} methods). The handle is kept in that method's or class's
 * {@link ExtensionContext.Store} inside a {@link ExtensionContext.Store.CloseableResource}, which
 * JUnit 5.10 and later all close when the method or class ends, however it ends: that stops the
 * group.
 */
public final class ProcessGroupExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProcessGroupExtension.class);

    /** Made by JUnit, through {@link ProcessGroupTest}'s {@code @ExtendWith}. */
    public ProcessGroupExtension() {
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        return parameter.getParameter().getType() == GroupHandle.class
            && (context.getTestMethod().isPresent() || scopeOf(context) == GroupScope.CLASS);
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        final boolean perClass = scopeOf(context) == GroupScope.CLASS;
        final ExtensionContext owner = perClass && context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        final ExtensionContext.Store store = owner.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(GroupCleanup.class, k -> open(owner, perClass), GroupCleanup.class).handle();
    }

    private static GroupCleanup open(final ExtensionContext context, final boolean perClass) {
        final Optional<String> method = perClass ? Optional.empty() : context.getTestMethod().map(m -> m.getName());
        final GroupHandle handle = new GroupHandle(context.getUniqueId(), GroupNames.of(context.getRequiredTestClass(), method));
        final Optional<String> spec = specOf(context);
        if (spec.isPresent()) {
            try {
                handle.launch(GroupHandle.loadSpec(spec.get(), context.getRequiredTestClass()));
            } catch (final RuntimeException e) {
                handle.close();
                throw new ParameterResolutionException("cannot launch " + spec.get() + ": " + e.getMessage(), e);
            }
        }
        return new GroupCleanup(handle);
    }

    private static GroupScope scopeOf(final ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, ProcessGroupTest.class))
            .map(ProcessGroupTest::scope).orElse(GroupScope.METHOD);
    }

    private static Optional<String> specOf(final ExtensionContext context) {
        Optional<ProcessGroupTest> a = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, ProcessGroupTest.class));
        if (a.isEmpty() || a.get().spec().isEmpty()) {
            a = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProcessGroupTest.class);
        }
        return a.map(ProcessGroupTest::spec).filter(s -> !s.isEmpty());
    }
}
