package io.uipc.core;

import io.uipc.core.emulated.EmulatedBackend;
import io.uipc.core.hardware.HardwareBackend;
import io.uipc.core.hardware.UintrProbe;
import io.uipc.core.spi.BackendStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backend selection on this machine, which has no UINTR: {@code hardware} says exactly why it
 * is unavailable, choosing it is an error carrying that reason, and {@code auto} falls back to
 * {@code emulated} and says why.
 */
class BackendsTest {
    @TempDir
    Path dir;

    private static BackendStatus status(final String name) {
        return Backends.statuses().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bothBackendsAreFoundMostPreferredFirst() {
        assertEquals(List.of(HardwareBackend.NAME, EmulatedBackend.NAME),
            Backends.all().stream().map(b -> b.name()).collect(Collectors.toList()));
    }

    @Test
    void hardwareReportsUnavailableWithTheChecksItMade() {
        final BackendStatus hardware = status(HardwareBackend.NAME);
        assertFalse(hardware.available());
        final String explanation = UintrProbe.probe().explain();
        assertTrue(hardware.reason().contains(explanation), hardware.reason());
        assertTrue(explanation.contains("CPU flag uintr (CPUID.7.0:EDX[5]) in /proc/cpuinfo: ")
            && explanation.contains(UintrProbe.KERNEL_OPTION), explanation);
    }

    @Test
    void selectingHardwareExplicitlyFailsWithItsReason() {
        final UipcException e = assertThrows(UipcException.class, () -> Backends.select(HardwareBackend.NAME));
        assertEquals("backend 'hardware' is not available here: " + status(HardwareBackend.NAME).reason(), e.getMessage());
    }

    @Test
    void autoPicksEmulatedAndSaysWhy() {
        final Backends.Selection selection = Backends.select(Backends.AUTO);
        assertEquals(EmulatedBackend.NAME, selection.backend().name());
        assertEquals("skipped hardware (" + status(HardwareBackend.NAME).reason() + "); chose emulated: "
            + status(EmulatedBackend.NAME).reason(), selection.reason());
        try (InterruptDomain domain = selection.backend().create(DomainConfig.of(dir.resolve("domain")).withCapacities(1, 1))) {
            assertEquals(EmulatedBackend.NAME, domain.backendName());
        }
    }

    @Test
    void unknownBackendNamesTheKnownOnes() {
        final UipcException e = assertThrows(UipcException.class, () -> Backends.select("quantum"));
        assertEquals("unknown backend 'quantum': known are hardware, emulated and auto", e.getMessage());
    }

    @Test
    void hardwareStaysUnavailableEvenWhereCpuAndKernelSupportUintr() {
        final UintrProbe capable = new UintrProbe("amd64", true, "enabled", "6.0.0-uintr");
        final HardwareBackend backend = new HardwareBackend(capable);
        assertTrue(capable.supported());
        assertFalse(backend.status().available());
        assertTrue(backend.status().reason().contains("no native SENDUIPI/UIRET handler trampoline"), backend.status().reason());
        final UipcException e = assertThrows(UipcException.class, () -> backend.create(DomainConfig.of(dir.resolve("unused"))));
        assertEquals("backend 'hardware' is not available: " + backend.status().reason(), e.getMessage());
    }

    @Test
    void probeExplainsEachMissingPiece() {
        assertEquals("arch aarch64 (UINTR is x86-64 only); CPU flag uintr (CPUID.7.0:EDX[5]) in /proc/cpuinfo: absent; "
            + "kernel 6.1 CONFIG_X86_USER_INTERRUPTS: not set", new UintrProbe("aarch64", false, "not set", "6.1").explain());
        assertFalse(new UintrProbe("amd64", true, "not set", "6.1").supported());
        assertFalse(new UintrProbe("amd64", false, "enabled", "6.1").supported());
    }
}
