package io.uipc.core.emulated;

import io.uipc.core.DomainConfig;
import io.uipc.core.Grant;
import io.uipc.core.InterruptDomain;
import io.uipc.core.PrivateUitt;
import io.uipc.core.Receiver;
import io.uipc.core.SendResult;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No ABA across a generation wrap (issue 12 item 2): a UPID slot's generation is 31 bits,
 * modulo 2^31, in every word that carries it (both PIR words, the state word, the tagged
 * counters). The slot is forced to the last free generation before the wrap by writing its
 * words through the descriptor, as 2^30 reuses would leave them; then a receiver claims it at
 * 2^31 - 1, closes (the generation wraps to 0) and a newcomer claims it at 1. Everything of
 * the receiver from before the wrap is refused or ignored after it.
 */
@Timeout(30)
class GenerationWrapTest {
    private static final int LAST = UpidDescriptor.GENERATION_MASK;
    private static final int LOW_VECTOR = 3;
    private static final int HIGH_VECTOR = 40;

    @TempDir
    Path dir;

    private InterruptDomain domain;
    private UnsafeBuffer raw;
    private UpidTable upids;
    private int slot;

    @BeforeEach
    void forceSlotToTheLastFreeGenerationBeforeTheWrap() throws IOException {
        domain = EmulatedDomain.create(DomainConfig.of(dir.resolve("domain")).withCapacities(1, 8));
        try (FileChannel ch = FileChannel.open(domain.path(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            raw = new UnsafeBuffer(ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size()));
        }
        upids = UpidTable.inDomain(raw);
        slot = (int) DomainHeaderDescriptor.upidOffset(0);
        final int free = LAST - 1;
        raw.putLongVolatile(slot + UpidDescriptor.PIR_HIGH_OFFSET, UpidDescriptor.pirWord(free));
        raw.putIntVolatile(slot + UpidDescriptor.STATE_OFFSET, UpidDescriptor.state(free));
        raw.putLongVolatile(slot + UpidDescriptor.PIR_LOW_OFFSET, UpidDescriptor.pirWord(free));
    }

    @Test
    void handlesAndGenerationsFromBeforeTheWrapAreRefusedAfterIt() {
        final Receiver old = domain.registerReceiver();
        assertEquals(LAST, old.upidGeneration(), "the claim takes the last odd generation, 2^31 - 1");
        final long low = old.registerVector(LOW_VECTOR);
        final Grant grant = old.mintGrant(HIGH_VECTOR);
        final PrivateUitt privateUitt = domain.newPrivateUitt(4);
        final int privateIndex = privateUitt.register(grant);
        assertEquals(SendResult.NOTIFIED, domain.send(low));
        assertEquals(SendResult.COALESCED, domain.send(low));
        assertEquals(SendResult.NOTIFIED, privateUitt.send(privateIndex));
        assertEquals((1L << LOW_VECTOR) | (1L << HIGH_VECTOR), old.poll(), "both PIR words work at generation 2^31 - 1");
        assertEquals(2, old.postedCount(), "fresh posts: the coalesced send is not one");
        assertEquals(1, old.coalescedCount());
        assertEquals(2, old.deliveredCount());
        assertEquals(2, domain.deliveredCount(0));

        old.close();
        assertEquals(0, upids.generation(0), "the release wraps the generation to 0, free");
        assertEquals(SendResult.RECEIVER_GONE, upids.post(0, 0, LOW_VECTOR), "never posts into a free slot");
        assertEquals(0, domain.deliveredCount(0), "a free slot has no counts");

        final Receiver newcomer = domain.registerReceiver();
        assertEquals(1, newcomer.upidGeneration(), "the newcomer claims generation 1");
        for (final int stale : new int[] {LAST, LAST - 2, 0}) {
            assertEquals(SendResult.RECEIVER_GONE, upids.post(0, stale, LOW_VECTOR), "generation " + stale);
            assertEquals(SendResult.RECEIVER_GONE, upids.post(0, stale, HIGH_VECTOR), "generation " + stale);
            assertEquals(0L, upids.take(0, stale, -1L, Suppression.NEVER), "a stale receiver takes nothing");
        }
        assertEquals(SendResult.STALE_ENTRY, domain.send(low), "the old handle's entry was invalidated");
        assertEquals(SendResult.RECEIVER_GONE, privateUitt.send(privateIndex), "a private entry minted before the wrap");
        assertEquals(0L, newcomer.poll(), "nothing from before the wrap reached the newcomer");
        assertEquals(0, newcomer.postedCount());
        assertEquals(0, newcomer.coalescedCount());
        assertEquals(0, newcomer.deliveredCount());
        assertEquals(0, old.postedCount() + old.coalescedCount() + old.deliveredCount() + old.wakeupCount(),
            "the old receiver's counters are the newcomer's words now, with another tag");

        assertEquals(SendResult.NOTIFIED, domain.send(newcomer.registerVector(LOW_VECTOR)));
        assertEquals(1L << LOW_VECTOR, newcomer.poll(), "the newcomer is reached through its own entry");
        assertEquals(1, newcomer.deliveredCount());
        newcomer.close();
        domain.close();
    }

    @Test
    void countersOfAStaleGenerationReadZeroAndStaleIncrementsAreDropped() {
        final Receiver old = domain.registerReceiver();
        old.close();
        final Receiver newcomer = domain.registerReceiver();
        final int gen = newcomer.upidGeneration();
        assertEquals(1, gen);

        // Words a receiver of generation 2^31 - 1 left behind: counts tagged with its generation.
        for (final int field : new int[] {UpidDescriptor.DELIVERED_OFFSET, UpidDescriptor.COALESCED_OFFSET, UpidDescriptor.WAKEUPS_OFFSET}) {
            raw.putLongVolatile(slot + field, UpidDescriptor.counter(LAST, 5));
        }
        assertEquals(0, newcomer.deliveredCount() + newcomer.coalescedCount() + newcomer.wakeupCount() + newcomer.postedCount(),
            "counts tagged with a stale generation read as 0");
        assertEquals(0, domain.deliveredCount(0));
        for (final int field : new int[] {UpidDescriptor.DELIVERED_OFFSET, UpidDescriptor.COALESCED_OFFSET, UpidDescriptor.WAKEUPS_OFFSET}) {
            raw.putLongVolatile(slot + field, UpidDescriptor.counter(gen, 0));
        }

        // A stale sender of generation 2^31 - 1 that found its vector pending (PIR high read just
        // before the release retagged it) counts a coalesced send: its CAS needs its own tag.
        final long highWord = raw.getLongVolatile(slot + UpidDescriptor.PIR_HIGH_OFFSET);
        raw.putLongVolatile(slot + UpidDescriptor.PIR_HIGH_OFFSET,
            UpidDescriptor.pirWord(LAST) | UpidDescriptor.pirBit(HIGH_VECTOR));
        assertEquals(SendResult.COALESCED, upids.post(0, LAST, HIGH_VECTOR));
        assertEquals(UpidDescriptor.counter(gen, 0), raw.getLongVolatile(slot + UpidDescriptor.COALESCED_OFFSET),
            "the stale increment was dropped");
        raw.putLongVolatile(slot + UpidDescriptor.PIR_HIGH_OFFSET, highWord);

        // A stale sender that set ON in a word of its generation never clears the newcomer's BLKD
        // nor counts a wake-up in its statistics.
        final long lowWord = raw.getLongVolatile(slot + UpidDescriptor.PIR_LOW_OFFSET);
        raw.putLongVolatile(slot + UpidDescriptor.PIR_LOW_OFFSET, UpidDescriptor.pirWord(LAST));
        assertTrue(upids.casState(0, UpidDescriptor.state(gen), UpidDescriptor.state(gen) | UpidDescriptor.BLKD));
        assertEquals(SendResult.NOTIFIED, upids.post(0, LAST, LOW_VECTOR));
        assertEquals(UpidDescriptor.state(gen) | UpidDescriptor.BLKD, upids.state(0), "the newcomer's BLKD is untouched");
        assertEquals(0, newcomer.wakeupCount());
        raw.putLongVolatile(slot + UpidDescriptor.PIR_LOW_OFFSET, lowWord);
        assertTrue(upids.clearBlocked(0, gen));

        assertEquals(SendResult.NOTIFIED, upids.post(0, gen, HIGH_VECTOR));
        assertEquals(SendResult.COALESCED, upids.post(0, gen, HIGH_VECTOR));
        assertEquals(1, newcomer.coalescedCount(), "the newcomer's own sends are counted");
        assertEquals(1, newcomer.postedCount());
        newcomer.close();
        domain.close();
    }
}
