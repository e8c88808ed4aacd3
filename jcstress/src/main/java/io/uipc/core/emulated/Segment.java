package io.uipc.core.emulated;

import io.uipc.core.SendResult;
import io.uipc.core.UittHandle;
import io.uipc.core.WaitPolicy;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One private in-memory interrupt domain: a 64-byte-aligned direct buffer laid out and filled
 * by {@link DomainHeaderDescriptor} exactly as a domain file, with ipc-core's real
 * {@link UpidTable} and {@link UittTable} on the descriptor's views of it. Each jcstress state
 * object owns one. Futex wakes land on this private memory, where nobody else waits: harmless.
 */
final class Segment {
    /** Owner pid written by claims of the first claimer. */
    static final int PID_A = 1001;
    /** Owner pid written by claims of the second claimer. */
    static final int PID_B = 2002;

    final UpidTable upids;
    final UittTable uitt;
    private final UnsafeBuffer slots;

    Segment(final int upidCapacity, final int uittCapacity) {
        final UnsafeBuffer segment = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            (int) DomainHeaderDescriptor.totalLength(upidCapacity, uittCapacity), 64));
        DomainHeaderDescriptor.fill(segment, upidCapacity, uittCapacity);
        upids = UpidTable.inDomain(segment);
        slots = DomainHeaderDescriptor.upids(segment);
        uitt = UittTable.inDomain(segment, upids);
    }

    /** @return a newly claimed UPID slot (fails loudly if none is free) */
    int claim(final int pid) {
        final int index = upids.claim(pid);
        if (index < 0) {
            throw new IllegalStateException("no free UPID slot in the test segment");
        }
        return index;
    }

    /** @return the handle of a newly registered UITT entry for {@code vector} of slot {@code index} */
    long register(final int index, final int vector) {
        final long handle = uitt.claim(index, upids.generation(index), vector);
        if (handle < 0) {
            throw new IllegalStateException("no free UITT entry in the test segment");
        }
        return handle;
    }

    /**
     * A receiver on slot {@code index}, as EmulatedDomain.registerReceiver makes it but without
     * a domain file (the domain is only named in messages), waiting by futex alone.
     */
    EmulatedReceiver receiver(final int index) {
        final EmulatedReceiver receiver = new EmulatedReceiver(null, upids, uitt, index, upids.generation(index));
        receiver.waitPolicy(WaitPolicy.BLOCK);
        return receiver;
    }

    /** @return the PIR word that holds {@code vector} in slot {@code index} (a raw volatile read) */
    long pirWord(final int index, final int vector) {
        return slots.getLongVolatile(UpidDescriptor.offset(index) + UpidDescriptor.pirOffset(vector));
    }

    /** @return what a receiver of slot {@code index}'s current generation that masks nothing takes */
    long take(final int index) {
        return upids.take(index, upids.generation(index), -1L, Suppression.NEVER);
    }

    /** @return whether {@code vector} is pending in slot {@code index}: 1 or 0 */
    int pending(final int index, final int vector) {
        return (int) ((pirWord(index, vector) >>> (vector & 31)) & 1);
    }

    /** @return ON of the PIR word that holds {@code vector} in slot {@code index}: 1 or 0 */
    int on(final int index, final int vector) {
        return (pirWord(index, vector) & UpidDescriptor.ON) != 0 ? 1 : 0;
    }

    /** @return 1 if ON is set in either PIR word of slot {@code index}, else 0 */
    int anyOn(final int index) {
        return on(index, 0) | on(index, 63);
    }

    /** @return 1 if PIR low, PIR high and the state word of slot {@code index} carry one generation */
    int consistent(final int index) {
        final int gen = upids.generation(index);
        final boolean same = UpidDescriptor.generation(pirWord(index, 63)) == gen
            && UpidDescriptor.stateGeneration(upids.state(index)) == gen;
        return same ? 1 : 0;
    }

    /** @return the generation two claims or releases after {@code generation} (modulo 2^31) */
    static int twoAfter(final int generation) {
        return UpidDescriptor.next(UpidDescriptor.next(generation));
    }

    /** @return whether {@code handle} names a live entry: 1 or 0 */
    int live(final long handle) {
        final long control = uitt.control(UittHandle.index(handle));
        return UittDescriptor.state(control) == UittDescriptor.VALID
            && UittDescriptor.generation(control) == UittHandle.generation(handle) ? 1 : 0;
    }

    /** @return 1 if {@code bits} has {@code vector}, else 0 */
    static int has(final long bits, final int vector) {
        return (int) ((bits >>> vector) & 1);
    }

    /** @return a posted send's outcome: 1 POSTED (no notification), 2 NOTIFIED, 3 WOKEN; else 100 + code */
    static int notification(final int sendResult) {
        switch (sendResult) {
            case SendResult.POSTED: return 1;
            case SendResult.NOTIFIED: return 2;
            case SendResult.WOKEN: return 3;
            default: return 100 + sendResult;
        }
    }
}
