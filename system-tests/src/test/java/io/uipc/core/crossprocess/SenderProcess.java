package io.uipc.core.crossprocess;

import io.uipc.core.Grant;
import io.uipc.core.InterruptDomain;
import io.uipc.core.PrivateUitt;
import io.uipc.testing.CommandLoop;

import java.util.Arrays;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Child JVM main: a sender driven by commands (see {@link RemoteSender} for the test's side).
 * It sends through the shared UITT (by handle or bare index) and through its own private UITT
 * (the RFC's model), and answers with the {@link io.uipc.core.SendResult} codes.
 */
public final class SenderProcess {
    /** Entries of the private UITT, as in the RFC. */
    static final int PRIVATE_UITT_ENTRIES = 256;

    private SenderProcess() {
    }

    /** @param args "attach PATH" */
    public static void main(final String[] args) {
        final InterruptDomain domain = ChildDomain.open(args);
        final PrivateUitt privateUitt = domain.newPrivateUitt(PRIVATE_UITT_ENTRIES);
        new CommandLoop()
            .on("send", a -> sendEach(a, h -> domain.send(Long.parseLong(h))))
            .on("sendindex", a -> sendEach(a, i -> domain.sendIndex(Integer.parseInt(i))))
            .on("sendprivate", a -> sendEach(a, i -> privateUitt.send(Integer.parseInt(i))))
            .on("grant", a -> String.valueOf(privateUitt.register(Grant.parse(a[0]))))
            .run();
    }

    /** Sends through each argument in order; the reply lists the result codes. */
    static String sendEach(final String[] targets, final ToIntFunction<String> send) {
        return Arrays.stream(targets).map(t -> String.valueOf(send.applyAsInt(t))).collect(Collectors.joining(" "));
    }
}
