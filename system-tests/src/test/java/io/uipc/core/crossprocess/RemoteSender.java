package io.uipc.core.crossprocess;

import io.uipc.core.Grant;
import io.uipc.core.InterruptDomain;
import io.uipc.testing.JvmProcess;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The test's handle on a {@link SenderProcess} child JVM attached to a domain. */
final class RemoteSender implements AutoCloseable {
    private final JvmProcess process;

    private RemoteSender(final JvmProcess process) {
        this.process = process;
    }

    static RemoteSender start(final String name, final InterruptDomain domain) {
        return new RemoteSender(JvmProcess.start(name, SenderProcess.class, ChildDomain.attach(domain.path())));
    }

    /** @return one send result code per handle, sending through each in order */
    int[] send(final long... handles) {
        return codes(process.call("send " + LongStream.of(handles).mapToObj(Long::toString).collect(Collectors.joining(" "))));
    }

    int send(final long handle) {
        return send(new long[] {handle})[0];
    }

    int sendIndex(final int uittIndex) {
        return codes(process.call("sendindex " + uittIndex))[0];
    }

    /** @return the private UITT index the grant was registered at */
    int registerGrant(final Grant grant) {
        return Integer.parseInt(process.call("grant " + grant.encode()));
    }

    int sendPrivate(final int privateIndex) {
        return codes(process.call("sendprivate " + privateIndex))[0];
    }

    private static int[] codes(final String reply) {
        return Arrays.stream(reply.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public void close() {
        process.close();
    }
}
