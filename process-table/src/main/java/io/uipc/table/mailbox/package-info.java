/**
 * Mailboxes: a member's inbox in shared memory (many senders, one receiver, an Agrona
 * ManyToOneRingBuffer in a file of the group's directory), found by the owner's name through
 * the process table, with the inbox's doorbell vector as the wake-up. {@link
 * io.uipc.table.mailbox.Inbox} receives, {@link io.uipc.table.mailbox.Outbox} sends, {@link
 * io.uipc.table.mailbox.Mail} and {@link io.uipc.table.mailbox.MailReader} carry typed
 * messages through Chronicle Bytes, written and read in place.
 */
package io.uipc.table.mailbox;
