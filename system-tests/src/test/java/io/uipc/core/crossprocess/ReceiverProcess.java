package io.uipc.core.crossprocess;

import io.uipc.core.Dispatcher;
import io.uipc.core.Grant;
import io.uipc.core.InterruptDomain;
import io.uipc.core.PrivateUitt;
import io.uipc.core.Receiver;
import io.uipc.core.ReceiverClosedException;
import io.uipc.core.VectorHandler;
import io.uipc.core.Vectors;
import io.uipc.core.WaitPolicy;
import io.uipc.testing.CommandLoop;
import io.uipc.testing.JvmProcess;

import java.nio.file.Files;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static io.uipc.testing.CommandLoop.print;
import static io.uipc.testing.CommandLoop.replyLater;

/**
 * Child JVM main: one receiver, driven by commands (see {@link RemoteReceiver} for the
 * test's side). Taking interrupts (poll, await) runs on one "receiver" thread, so the child
 * keeps serving mask, suppress, close and counter commands while that thread is blocked. The
 * receiver is registered on the command thread. The child is a sender too: through the shared
 * UITT, its own private UITT, and a load of sender threads ({@link SenderThreads}).
 */
public final class ReceiverProcess {
    private final InterruptDomain domain;
    private final ExecutorService receiverThread = CommandLoop.daemonThread("receiver");
    private volatile Receiver receiver;
    private Dispatcher dispatcher;
    private Thread sleeper;
    private Thread taker;
    private PrivateUitt privateUitt;
    private SenderThreads load;
    /** Released by the "release" command: a held handler ("dispatcher V") returns then. */
    private volatile CountDownLatch release = new CountDownLatch(1);

    private ReceiverProcess(final InterruptDomain domain) {
        this.domain = domain;
    }

    /** @param args "attach PATH" or "create PATH UPIDS UITT" */
    public static void main(final String[] args) {
        new ReceiverProcess(ChildDomain.open(args)).commands().run();
    }

    private CommandLoop commands() {
        return new CommandLoop()
            .on("open", a -> {
                receiver = domain.registerReceiver();
                receiver.waitPolicy(WaitPolicy.parse(a[0]));
                return receiver.upidIndex() + " " + Integer.toUnsignedString(receiver.upidGeneration());
            })
            .on("policy", a -> ok(() -> receiver.waitPolicy(WaitPolicy.parse(a[0]))))
            .on("register", a -> {
                final StringBuilder handles = new StringBuilder();
                for (final String v : a) {
                    handles.append(handles.length() == 0 ? "" : " ").append(receiver.registerVector(Integer.parseInt(v)));
                }
                return handles.toString();
            })
            .on("unregister", a -> String.valueOf(receiver.unregisterVector(Long.parseLong(a[0]))))
            .on("grant", a -> receiver.mintGrant(Integer.parseInt(a[0])).encode())
            .on("releasegrant", a -> String.valueOf(receiver.releaseGrant(Integer.parseInt(a[0]))))
            .on("send", a -> SenderProcess.sendEach(a, h -> domain.send(Long.parseLong(h))))
            .on("registergrant", a -> String.valueOf(privateUitt().register(Grant.parse(a[0]))))
            .on("sendprivate", a -> SenderProcess.sendEach(a, i -> privateUitt().send(Integer.parseInt(i))))
            .on("echo", a -> onReceiverThread("echo", () -> SenderThreads.echo(receiver, domain, a)))
            .on("load", a -> {
                load = SenderThreads.open(domain, Integer.parseInt(a[0]));
                return load.ackHandles();
            })
            .on("run", a -> {
                load.run(a);
                return null;
            })
            .on("poll", a -> onReceiverThread("poll", () -> taken(() -> receiver.poll())))
            .on("await", a -> onReceiverThread("await",
                () -> taken(() -> receiver.await(Long.parseLong(a[0]), TimeUnit.MILLISECONDS))))
            .on("counters", a -> Counters.of(receiver).line())
            .on("mask", a -> ok(() -> receiver.mask(Integer.parseInt(a[0]))))
            .on("unmask", a -> ok(() -> receiver.unmask(Integer.parseInt(a[0]))))
            .on("suppress", a -> ok(() -> receiver.suppress()))
            .on("resume", a -> ok(() -> receiver.resume()))
            .on("dispatcher", a -> {
                final int held = a.length > 0 ? Integer.parseInt(a[0]) : -1;
                release = new CountDownLatch(1);
                for (int v = 0; v < Vectors.COUNT; v++) {
                    receiver.onVector(v, vector -> {
                        if (vector == held) {
                            print("holding " + vector);
                            awaitRelease();
                        }
                        print("handled " + vector);
                    });
                }
                dispatcher = receiver.startDispatcher("dispatcher");
                return "started";
            })
            .on("release", a -> ok(() -> release.countDown()))
            .on("interrupters", a -> startInterrupters(Integer.parseInt(a[0]), Integer.parseInt(a[1])))
            .on("threads", a -> sleeper.getState() + " " + taker.getState())
            .on("close", a -> {
                if (dispatcher != null) {
                    dispatcher.close();
                }
                receiver.close();
                return String.valueOf(receiver.isOpen());
            })
            .on("reset", a -> {
                if (dispatcher != null) {
                    dispatcher.close();
                    dispatcher = null;
                }
                if (receiver != null && receiver.isOpen()) {
                    receiver.close();
                }
                return "ok";
            })
            .on("delete", a -> String.valueOf(Files.deleteIfExists(domain.path())));
    }

    private void awaitRelease() {
        try {
            if (!release.await(JvmProcess.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                print("never released");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PrivateUitt privateUitt() {
        if (privateUitt == null) {
            privateUitt = domain.newPrivateUitt(16);
        }
        return privateUitt;
    }

    /** @return the vectors a take returned, in hex, or "closed MESSAGE" if it threw {@link ReceiverClosedException} */
    private static String taken(final LongSupplier take) {
        try {
            return Long.toHexString(take.getAsLong());
        } catch (final ReceiverClosedException e) {
            return "closed " + e.getMessage();
        }
    }

    private static String ok(final Runnable action) {
        action.run();
        return "ok";
    }

    private String onReceiverThread(final String verb, final Callable<String> work) {
        replyLater(receiverThread, verb, work);
        return null;
    }

    /**
     * The thread-interrupt mode: a sleeper blocked in Thread.sleep and a taker blocked in
     * BlockingQueue.take, each woken (interrupted) by its own vector through a dispatcher.
     */
    private String startInterrupters(final int sleepVector, final int takeVector) {
        sleeper = blockedThread("sleeper", () -> Thread.sleep(Long.MAX_VALUE), Thread.State.TIMED_WAITING);
        final BlockingQueue<Object> empty = new LinkedBlockingQueue<>();
        taker = blockedThread("taker", empty::take, Thread.State.WAITING);
        receiver.interruptOn(sleepVector, sleeper);
        receiver.onVector(takeVector, VectorHandler.interrupting(taker));
        dispatcher = receiver.startDispatcher("dispatcher");
        return sleeper.getState() + " " + taker.getState();
    }

    /** Starts a thread that blocks in {@code call}, and returns once it is in {@code blockedState}. */
    private static Thread blockedThread(final String name, final BlockingCall call, final Thread.State blockedState) {
        final Thread t = new Thread(() -> {
            try {
                call.run();
                print("returned " + name);
            } catch (final InterruptedException e) {
                print("interrupted " + name);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        while (t.getState() != blockedState) {
            Thread.yield();
        }
        return t;
    }

    @FunctionalInterface
    private interface BlockingCall {
        void run() throws InterruptedException;
    }
}
