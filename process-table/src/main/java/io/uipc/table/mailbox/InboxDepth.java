package io.uipc.table.mailbox;

import io.uipc.table.GroupFileNames;
import io.uipc.table.ProcessGroup;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.OptionalInt;

/**
 * Reads how much of a member's inbox is waiting, for tools ({@code uipc metrics}): attaches the
 * inbox file read-only in effect (nothing is written) with the same checks a sender makes.
 */
public final class InboxDepth {
    private InboxDepth() {
    }

    /**
     * Reads the bytes waiting in a member's inbox ring (records and their headers).
     *
     * @param group      an attached group
     * @param memberName the member
     * @return the bytes waiting, or empty if the member has no inbox file
     * @throws io.uipc.core.UipcException if the inbox exists but cannot be attached or fails validation
     */
    public static OptionalInt bytes(final ProcessGroup group, final String memberName) {
        if (!Files.exists(group.directory().resolve(GroupFileNames.inbox(memberName)), LinkOption.NOFOLLOW_LINKS)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(InboxFile.attach(group, memberName).ring().size());
    }
}
