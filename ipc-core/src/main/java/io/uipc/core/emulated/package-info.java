/**
 * The emulated backend: UINTR's UPIDs and UITT in a shared-memory file, futex wake-ups for
 * blocked receivers. The layouts are owned by their descriptors ({@link
 * io.uipc.core.emulated.DomainHeaderDescriptor}, {@link io.uipc.core.emulated.UpidDescriptor},
 * {@link io.uipc.core.emulated.UittDescriptor}, {@link io.uipc.core.emulated.PrivateUittDescriptor});
 * {@code UpidTable} and {@code UittTable} are flyweights over the descriptors' views; the
 * protocol, with the proofs of its properties, is in docs/protocol.md.
 *
 * <h2>Who writes each shared word, and how</h2>
 *
 * Orderings are named as Agrona's {@code AtomicBuffer} methods: plain ({@code putLong}),
 * ordered, a release store ({@code putLongOrdered}), volatile ({@code putLongVolatile},
 * {@code getLongVolatile}) and CAS ({@code compareAndSetLong}, or {@code compareAndExchangeLong}, the
 * same locked instruction returning the word it found). Every shared word is read volatile.
 * <table>
 * <caption>Writers of the domain's words</caption>
 * <tr><th>word</th><th>written by</th><th>how</th></tr>
 * <tr><td>header fields</td><td>the creator, once, before the file has its name</td><td>plain; the magic last, volatile</td></tr>
 * <tr><td>UPID and UITT claim hints</td><td>claimers</td><td>ordered; only a hint where a scan starts</td></tr>
 * <tr><td>UPID PIR low</td><td>the claimer (even to odd generation: the claim); senders (set a bit and ON
 *     in one exchange); the receiver (take bits and clear ON in one CAS; set ON to suppress or notify itself);
 *     a releaser, the owner or the reaper (retag to the next, even, generation)</td>
 *     <td>CAS (compare-and-exchange), each comparing the whole word, generation included</td></tr>
 * <tr><td>UPID PIR high</td><td>the claimer (new generation); senders, the receiver and releasers as PIR low;
 *     the reaper's release of a stuck slot</td><td>volatile for the claimer and the stuck release, else CAS</td></tr>
 * <tr><td>UPID state (futex word: generation, BLKD)</td><td>the claimer (new generation, last step of the claim);
 *     the receiver (sets BLKD, clears it after waking); whoever wakes it: a sender that set ON, or the
 *     receiver's own unmask, resume or wakeup (clear BLKD); releasers (next generation, BLKD dropped)</td>
 *     <td>volatile for the claimer, getAndSet for a stuck release, else CAS that keeps the generation</td></tr>
 * <tr><td>UPID owner pid</td><td>the claimer, before the state word</td><td>volatile; trusted only while the
 *     state word has the current generation</td></tr>
 * <tr><td>UPID delivered count (tagged)</td><td>the claimer (count 0, new tag); the receiver, its only
 *     writer, from its own count</td><td>plain; then ordered</td></tr>
 * <tr><td>UPID coalesced and wake-up counts (tagged, cold line)</td><td>the claimer (count 0, new tag);
 *     senders</td><td>plain; then CAS from a word of the sender's generation</td></tr>
 * <tr><td>UITT control (state, vector, generation)</td><td>a registering receiver (FREE to CLAIMING, then
 *     CLAIMING to VALID); its owner (VALID to FREE: unregister, close); the reaper (VALID to FREE for a dead
 *     receiver; CLAIMING to FREE for a dead registrar)</td><td>CAS</td></tr>
 * <tr><td>UITT target (UPID index and generation)</td><td>the registering receiver, while the entry is CLAIMING</td>
 *     <td>volatile</td></tr>
 * </table>
 * Senders read an entry's control, then its target, then its control again: a change in between
 * is a stale send, never a torn one. A private UITT has the same entry words in its sender's own
 * memory.
 *
 * <h2>A UPID slot's states</h2>
 * <pre>
 *   FREE (generation g even)
 *     -- claim: CAS PIR low g to g+1 --&gt; claiming (PIR low odd; owner pid and state not yet written)
 *     -- PIR high, counters, owner pid, then state word (g+1) --&gt; CLAIMED (g+1)
 *   CLAIMED (g+1)
 *     -- release (owner's close, or the reaper's reclaimReceiver for a dead owner):
 *        state CAS to g+2, wake a sleeper; PIR high, then PIR low CAS to g+2 --&gt; FREE (g+2)
 *   claiming or half released, its process dead (PIR low odd, no owner pid)
 *     -- two orphan sweeps at the same generation: releaseStuck --&gt; FREE
 * </pre>
 * Generations are 31 bits and every "+1" is modulo 2^31 ({@link io.uipc.core.emulated.UpidDescriptor#next}).
 * Every step changes a word only while it has the expected generation, so a stale sender,
 * taker or releaser never touches a newcomer's words.
 *
 * <h2>A UITT entry's states</h2>
 * <pre>
 *   FREE (g) -- register: CAS --&gt; CLAIMING (g, vector) -- target written -- CAS --&gt; VALID (g, vector)
 *   VALID (g) -- unregister, close, or the reaper: CAS --&gt; FREE (g+1): handles of g are stale
 *   CLAIMING (g) -- orphan sweep, its target no live UPID: CAS --&gt; FREE (g+1); a live registrar's
 *                   CAS to VALID then fails, and it claims another entry
 * </pre>
 *
 * <h2>Locks</h2>
 * No lock guards shared memory: every step above is one atomic access. The only locks are
 * outside it, always taken in this order: the group's mutation lock (a file lock, held by the
 * process table's callers of {@link io.uipc.core.spi.DomainMaintenance}), then the monitor of
 * this JVM's maintenance view, which serialises its orphan sweeps. A receiver's registration,
 * grants and close hold the receiver's own monitor and take no other lock inside it.
 */
package io.uipc.core.emulated;
