/**
 * Mailboxes: a member's inbox in shared memory (many senders, one receiver, an Agrona
 * ManyToOneRingBuffer in a file of the group's directory), found by the owner's name through
 * the process table, with the inbox's doorbell vector as the wake-up. {@link
 * io.uipc.table.mailbox.Inbox} receives, {@link io.uipc.table.mailbox.Outbox} sends, {@link
 * io.uipc.table.mailbox.Mail} and {@link io.uipc.table.mailbox.MailReader} carry typed
 * messages through Chronicle Bytes, written and read in place.
 *
 * <h2>Who writes each shared word, and how</h2>
 *
 * <p>In Agrona's and JCTools' terms: <em>plain</em> (no ordering), <em>ordered</em> (a release
 * store: Agrona's {@code putXxxOrdered} or {@code putXxxRelease}), <em>volatile</em> (a
 * sequentially consistent store or load), <em>CAS</em> (compare-and-set). The layout is
 * {@link io.uipc.table.mailbox.InboxDescriptor}'s.
 *
 * <p>Inbox header:
 * <ul>
 *   <li>Magic: the owner, once, volatile, after every other header field, in a file built under
 *       a temporary name and renamed into place; a sender attaching reads it volatile first.</li>
 *   <li>Version, header length, capacity, maximum message length, total length, owner's member
 *       handle, doorbell vector, creator pid, creation time: the owner, plain, before the magic;
 *       never written again.</li>
 *   <li>State: the owner; OPEN, plain, before the magic; CLOSED, volatile, when it closes the
 *       inbox. Senders read it volatile before every claim.</li>
 *   <li>Armed: the owner stores 1, volatile, before it waits, then re-reads the ring; it stores 0,
 *       ordered, when mail came meanwhile. A sender, after committing, fences fully, reads it
 *       volatile and rings the doorbell only if its CAS takes it from 1 to 0. Both sides store,
 *       fence, then load, so either the owner sees the mail or a sender sees it armed.</li>
 * </ul>
 *
 * <p>Ring (Agrona's {@code ManyToOneRingBuffer}; its trailer's words are Agrona's):
 * <ul>
 *   <li>Tail position: senders, CAS, to claim a record.</li>
 *   <li>Head cache: senders, ordered, when they refresh it from the head.</li>
 *   <li>Head position: the owner, ordered, after zeroing the records it read (plain).</li>
 *   <li>Record length: the sender, ordered: negative at the claim, positive at the commit (an
 *       abort, or the owner's unblock of a dead writer's record, turns it into padding the same
 *       way). The owner reads it volatile, and bounds-checks it before Agrona does.</li>
 *   <li>Record type and message bytes: the sender, plain, between the two length writes.</li>
 *   <li>Sender handle (the record's first 8 payload bytes): the sender, plain, right after the
 *       claim. The owner reads it volatile only for a record stuck at the head, and trusts it
 *       only as far as the process table confirms it ({@code ProcessGroup.isLive}).</li>
 * </ul>
 *
 * <h2>State machines and locks</h2>
 *
 * <p>An inbox is OPEN from its creation until its owner closes it (CLOSED, then its file is
 * deleted); a newer owner of the same name replaces the file. A record is free (zero), then
 * claimed (negative length), then committed (positive length) or padding (aborted or unblocked),
 * then read and zeroed by the owner. Nothing here takes a lock: the ring is lock-free, the owner's
 * thread (the thread of its member's receiver) is the only consumer, and connecting takes the
 * process table's lock-free lookup.
 */
package io.uipc.table.mailbox;
