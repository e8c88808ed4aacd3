package io.uipc.table;

import java.util.List;

/**
 * A snapshot of one table entry, for tools such as {@code uipc ps} (Oracle's V$PROCESS).
 *
 * @param slot            entry slot (Oracle's PID)
 * @param generation      entry generation (Oracle's SERIAL#)
 * @param pid             OS process id
 * @param name            member name
 * @param role            member role
 * @param state           the entry's state
 * @param stateCode       the state byte as stored, which tells corrupt states apart
 * @param uittIndices     "vector:index" for each published vector
 * @param heartbeatAgeMs  milliseconds since the member's last heartbeat
 * @param sent            interrupts the member sent, as of its last heartbeat
 * @param failed          sends the member attempted that failed, as of its last heartbeat
 * @param received        interrupts delivered to the member's receiver
 * @param upidIndex       the member's UPID slot
 */
public record MemberInfo(int slot, int generation, long pid, String name, String role, MemberState state, int stateCode,
                         List<String> uittIndices, long heartbeatAgeMs, long sent, long failed,
                         long received, int upidIndex) {
    /**
     * The state as {@code uipc ps} prints it.
     *
     * @return the state's label: free, claiming, active, exiting, dead, or corrupt(code)
     */
    public String stateLabel() {
        return MemberState.describe(stateCode);
    }
}
