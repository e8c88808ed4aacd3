package io.uipc.table;

import java.util.List;

/**
 * What one reap reclaimed ({@link ProcessGroup#reapDead()}).
 *
 * @param members the dead members whose entries were freed, as their entries were just before
 * @param orphans UPID slots and UITT entries freed that no entry held (left by processes that
 *                died in the middle of joining, or by receivers registered outside a join)
 */
public record ReapReport(List<MemberInfo> members, int orphans) {
    /**
     * Copies the list.
     *
     * @param members the dead members whose entries were freed
     * @param orphans UPID slots and UITT entries freed that no entry held
     */
    public ReapReport {
        members = List.copyOf(members);
    }
}
