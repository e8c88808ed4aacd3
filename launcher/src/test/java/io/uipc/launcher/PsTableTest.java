package io.uipc.launcher;

import io.uipc.launcher.status.MemberStatus;
import io.uipc.table.MemberInfo;
import io.uipc.table.MemberState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsTableTest {
    /** Join refuses such names, but any member can write these bytes into the mapped table directly. */
    @Test
    void controlCharactersFromTheTableArePrintedEscaped() {
        final String name = "evil\u001b[2J\nfake";
        final MemberInfo m = new MemberInfo(3, 1, 4242, name, "r\u001b]0;x\u0007", MemberState.ACTIVE, 2, List.of("7:0"),
            5, 0, 0, 0, 1);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PsTable.printMembers(List.of(new MemberStatus(m, true, 0, 0, -1)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("evil\\x1b[2J\\x0afake"), out);
        assertTrue(out.contains("r\\x1b]0;x\\x07"), out);
        assertFalse(out.contains("\u001b"), out);
        assertEquals(2, out.lines().count(), out);
    }

    @Test
    void failedSendsHaveAColumnAfterSent() {
        final MemberInfo m = new MemberInfo(0, 1, 4242, "db", "r", MemberState.ACTIVE, 2, List.of(), 5, 11, 7, 13, 0);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PsTable.printMembers(List.of(new MemberStatus(m, true, 0, 0, -1)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final List<List<String>> rows = bytes.toString(StandardCharsets.UTF_8).lines().map(l -> List.of(l.trim().split(" +"))).toList();
        final List<String> header = rows.get(0);
        final List<String> row = rows.get(1);
        assertEquals(List.of("SENT", "FAILED", "RECEIVED"), header.subList(header.size() - 3, header.size()));
        assertEquals(List.of("11", "7", "13"), row.subList(row.size() - 3, row.size()));
    }
}
