package io.uipc.chaos.fuzz;

import io.uipc.core.emulated.DomainHeaderDescriptor;
import io.uipc.table.MemberEntryDescriptor;
import io.uipc.table.ProcessTableDescriptor;
import io.uipc.table.mailbox.InboxDescriptor;

/**
 * A named byte range of one of a group's shared files that the fuzzer corrupts.
 *
 * @param file   file name in the group directory
 * @param name   what the range holds
 * @param offset first byte
 * @param length bytes
 */
record Region(String file, String name, int offset, int length) {
    /**
     * @param entries   table entries
     * @param upids     UPID slots
     * @param uitt      UITT entries
     * @param inboxFile the inbox file's name
     * @param ringBytes the inbox ring's capacity
     * @return every region of a group with those capacities
     */
    static Region[] of(final int entries, final int upids, final int uitt, final String inboxFile, final int ringBytes) {
        final int index = ProcessTableDescriptor.indexCapacity(entries);
        final int indexAt = (int) ProcessTableDescriptor.indexOffset(entries);
        final int tableEnd = (int) ProcessTableDescriptor.totalLength(entries, index);
        final int uittAt = (int) DomainHeaderDescriptor.uittOffset(upids);
        final int domainEnd = (int) DomainHeaderDescriptor.totalLength(upids, uitt);
        final int ringEnd = (int) InboxDescriptor.totalLength(ringBytes);
        final int header = ProcessTableDescriptor.HEADER_LENGTH;
        return new Region[] {
            new Region("table", "table header", 0, header),
            new Region("table", "table entries", header, entries * MemberEntryDescriptor.LENGTH),
            new Region("table", "name index", indexAt, tableEnd - indexAt),
            new Region("domain", "domain header", 0, DomainHeaderDescriptor.HEADER_LENGTH),
            new Region("domain", "UPIDs", DomainHeaderDescriptor.HEADER_LENGTH, uittAt - DomainHeaderDescriptor.HEADER_LENGTH),
            new Region("domain", "UITT entries", uittAt, domainEnd - uittAt),
            new Region(inboxFile, "inbox header", 0, InboxDescriptor.HEADER_LENGTH),
            new Region(inboxFile, "inbox ring records", InboxDescriptor.HEADER_LENGTH, ringBytes),
            new Region(inboxFile, "inbox ring trailer", InboxDescriptor.HEADER_LENGTH + ringBytes,
                ringEnd - InboxDescriptor.HEADER_LENGTH - ringBytes),
        };
    }
}
