/**
 * The hardware backend: real x86 user interrupts, where CPU and kernel have them.
 * {@link io.uipc.core.hardware.UintrProbe} reads, without side effects, whether the CPU has
 * the {@code uintr} flag and the kernel Intel's UINTR syscalls;
 * {@link io.uipc.core.hardware.HardwareBackend} reports exactly what is missing and stays
 * unavailable even where both are present, since this build has no native handler trampoline.
 * It maps no shared memory of its own: the kernel owns hardware UPIDs and UITTs.
 */
package io.uipc.core.hardware;
