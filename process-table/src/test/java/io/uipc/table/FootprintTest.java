package io.uipc.table;

import io.uipc.core.PrivateUitt;
import io.uipc.core.emulated.DomainHeaderDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The footprint of one shared UITT versus one private UITT per sender (the RFC's model) at
 * database scale: 1,000 processes x 100 receiving threads, every process may send to every
 * receiving thread. The formulas come from the descriptor constants and are checked against
 * the sizes of real (small) files and private tables; docs/memory-layout.md must show the
 * table this computes.
 */
@Timeout(60)
class FootprintTest {
    private static final Footprint DATABASE = new Footprint(1_000, 100, 1);

    @TempDir
    Path root;

    @Test
    void formulasMatchRealFilesAndTables() throws IOException {
        final int[][] sizes = {{1, 1, 1}, {7, 3, 5}, {64, 100, 300}, {500, 640, 2048}};
        for (final int[] s : sizes) {
            final String name = "fp-" + s[0] + "-" + s[1] + "-" + s[2];
            try (ProcessGroup g = ProcessGroup.create(GroupSpec.named(name).withRoot(root).withCapacities(s[0], s[1], s[2]))) {
                final Path dir = g.directory();
                assertEquals(Footprint.domainFileBytes(s[1], s[2]), Files.size(dir.resolve(GroupFileNames.DOMAIN)), name);
                assertEquals(DomainHeaderDescriptor.totalLength(s[1], s[2]), Footprint.domainFileBytes(s[1], s[2]), name);
                assertEquals(Footprint.tableFileBytes(s[0]), Files.size(dir.resolve(GroupFileNames.TABLE)), name);
                assertEquals(Footprint.lockFileBytes(s[0]), Files.size(dir.resolve(GroupFileNames.LOCKS)), name);
                for (final int n : new int[] {1, Footprint.RFC_UITT_ENTRIES, 1000}) {
                    final PrivateUitt p = g.domain().newPrivateUitt(n);
                    assertEquals(n * (long) io.uipc.core.emulated.UittDescriptor.LENGTH, p.footprintBytes());
                }
            }
        }
    }

    @Test
    void sharedUittIsAThousandTimesSmallerAtDatabaseScale() {
        assertEquals(100_000, DATABASE.receivers());
        assertEquals(12_800_000, DATABASE.upidBytes(), "128-byte UPIDs");
        assertEquals(1_600_000, DATABASE.sharedUittBytes());
        assertEquals(1_600_000_000L, DATABASE.privateUittBytes());
        assertEquals(1_000, DATABASE.privateUittBytes() / DATABASE.sharedUittBytes(), "one private table per sender process");
        assertEquals(33_048_768, Footprint.tableFileBytes(100_000), "100,000 entries and a 262,144-cell index");
        assertEquals(256_000, DATABASE.rfcReachablePairs(), "RFC-sized tables reach 0.256% of the 10^8 pairs");
        assertTrue(DATABASE.sharedTotalBytes() < 48_000_000 && DATABASE.sharedTotalBytes() > 47_000_000, "" + DATABASE.sharedTotalBytes());
    }

    @Test
    void docsShowTheComputedTable() throws IOException {
        final String table = DATABASE.markdown();
        System.out.print(table);
        final Path doc = Paths.get("..", "docs", "memory-layout.md");
        assertTrue(Files.isRegularFile(doc), "missing " + doc.toAbsolutePath());
        assertTrue(Files.readString(doc).contains(table), "docs/memory-layout.md must contain, verbatim:\n" + table);
    }
}
