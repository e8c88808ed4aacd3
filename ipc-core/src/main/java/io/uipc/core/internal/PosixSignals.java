package io.uipc.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;

/**
 * Installs POSIX signal handlers through {@code sun.misc.Signal}, the JDK's one API for them
 * (module jdk.unsupported, which JEP 260 keeps for such uses). The class is reached
 * reflectively, here only, because javac's "internal proprietary API" warning on a compile-time
 * reference is mandatory: under {@code --release} neither an -Xlint option nor
 * {@code @SuppressWarnings} turns it off, and the build fails on warnings. A JDK without the
 * class fails here with a clear message.
 */
public final class PosixSignals {
    private PosixSignals() {
    }

    /**
     * Runs an action on each delivery of a signal, in place of the JVM's own response to it.
     * HotSpot runs the action on a new thread started by its signal dispatcher.
     *
     * @param name   the signal's name without "SIG": INT, TERM, USR1...
     * @param action what to run on each delivery
     * @throws IllegalArgumentException      if the signal is unknown or the JVM reserves it
     * @throws UnsupportedOperationException if this JDK has no {@code sun.misc.Signal}
     */
    public static void handle(final String name, final Runnable action) {
        try {
            final Class<?> signal = Class.forName("sun.misc.Signal");
            final Class<?> handler = Class.forName("sun.misc.SignalHandler");
            // SignalHandler.handle(Signal) is the action's run() with the Signal argument dropped.
            final MethodHandle run = MethodHandles.publicLookup()
                    .findVirtual(Runnable.class, "run", MethodType.methodType(void.class))
                    .bindTo(action);
            final Object proxy = MethodHandleProxies.asInterfaceInstance(handler, MethodHandles.dropArguments(run, 0, signal));
            signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance(name), proxy);
        } catch (final InvocationTargetException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (final ReflectiveOperationException e) {
            throw new UnsupportedOperationException("this JDK has no sun.misc.Signal: cannot handle SIG" + name, e);
        }
    }
}
