package io.uipc.core.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A temporary name gives back its creator's pid; no other name does. */
class TemporaryNamesTest {
    @Test
    void aTemporaryNameGivesBackItsCreatorsPid() {
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            final String name = TemporaryNames.creating("inbox.m%2F1.x-creating-2");
            assertTrue(names.add(name), "unique: " + name);
            assertEquals(ProcessHandle.current().pid(), TemporaryNames.creatorPid(name), name);
        }
        final long before = System.nanoTime();
        final long made = TemporaryNames.createdNanos(TemporaryNames.creating("x"));
        assertTrue(made >= before && made <= System.nanoTime(), "its stamp is the creator's nanoTime");
    }

    @Test
    void noOtherNameHasACreator() {
        for (final String name : new String[] {"inbox.m1", "table", ".inbox.m1", ".inbox.m1.creating-", ".inbox.m1.creating-12",
            ".inbox.m1.creating-12-3", ".inbox.m1.creating-12-3-", ".inbox.m1.creating-12-3-4-5", ".inbox.m1.creating-0-3-4",
            ".inbox.m1.creating--1-3-4", ".inbox.m1.creating-1x-3-4", ".inbox.m1.creating-1-3-4x", "inbox.m1.creating-12-3-4",
            "..creating-12-3-4", ".inbox.m1.creating-1234567890-3-4", ".inbox.m1.creating-12-3-12345678901234567890",
            ".inbox.m1.creating-١٢-3-4"}) {
            assertEquals(-1, TemporaryNames.creatorPid(name), name);
            assertEquals(-1, TemporaryNames.createdNanos(name), name);
        }
        assertEquals(12, TemporaryNames.creatorPid(".inbox.m1.creating-12-3-4"));
        assertEquals(4, TemporaryNames.createdNanos(".inbox.m1.creating-12-3-4"));
        assertEquals(12, TemporaryNames.creatorPid(".a.creating-9-9-9.creating-12-3-4"), "the last mark counts");
    }
}
