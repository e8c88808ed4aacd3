package io.uipc.table;

import java.util.List;

/**
 * What one reap reclaimed ({@link ProcessGroup#reapDead()}).
 *
 * @param members the dead members whose entries were freed, as their entries were just before
 * @param orphans UPID slots and UITT entries freed that no entry held (left by processes that
 *                died in the middle of joining, or by receivers registered outside a join)
 * @param abandoned the names of files removed from the group's directory that a process died
 *                  while creating (an inbox half made when its member was killed)
 */
public record ReapReport(List<MemberInfo> members, int orphans, List<String> abandoned) {
    /**
     * Copies the lists.
     *
     * @param members   the dead members whose entries were freed
     * @param orphans   UPID slots and UITT entries freed that no entry held
     * @param abandoned the names of files removed that a dead process was creating
     */
    public ReapReport {
        members = List.copyOf(members);
        abandoned = List.copyOf(abandoned);
    }
}
