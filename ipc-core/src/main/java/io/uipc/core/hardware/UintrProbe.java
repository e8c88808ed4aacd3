package io.uipc.core.hardware;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What this machine offers for real x86 user interrupts, read without side effects: the CPU's
 * {@code uintr} flag (CPUID.7.0:EDX[5], as /proc/cpuinfo shows it) and a kernel built with
 * Intel's {@code CONFIG_X86_USER_INTERRUPTS} (the RFC's syscalls; mainline never merged them).
 * No syscall is probed by number: on a mainline kernel those numbers may belong to other calls.
 *
 * @param arch        os.arch of this JVM
 * @param cpuFlag     whether /proc/cpuinfo lists {@code uintr}
 * @param kernelState what the kernel config says: "enabled", "not set", or "unknown (...)"
 * @param kernelRelease the running kernel's release
 */
public record UintrProbe(String arch, boolean cpuFlag, String kernelState, String kernelRelease) {
    /** Kernel config option of Intel's UINTR tree. */
    public static final String KERNEL_OPTION = "CONFIG_X86_USER_INTERRUPTS";

    /** {@return the probe of this machine} */
    public static UintrProbe probe() {
        final String release = readFirstLine(Paths.get("/proc/sys/kernel/osrelease")).orElse("unknown");
        return new UintrProbe(System.getProperty("os.arch"), cpuHasUintr(Paths.get("/proc/cpuinfo")),
            kernelConfigState(release), release);
    }

    /** {@return whether both the CPU and the kernel support UINTR} */
    public boolean supported() {
        return isX86() && cpuFlag && kernelState.equals("enabled");
    }

    /** {@return a one-line account of every check and its result} */
    public String explain() {
        return "arch " + arch + (isX86() ? "" : " (UINTR is x86-64 only)")
            + "; CPU flag uintr (CPUID.7.0:EDX[5]) in /proc/cpuinfo: " + (cpuFlag ? "present" : "absent")
            + "; kernel " + kernelRelease + " " + KERNEL_OPTION + ": " + kernelState;
    }

    private boolean isX86() {
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    static boolean cpuHasUintr(final Path cpuinfo) {
        try {
            return Files.readAllLines(cpuinfo).stream()
                .filter(l -> l.startsWith("flags"))
                .anyMatch(l -> List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).contains("uintr"));
        } catch (final IOException e) {
            return false;
        }
    }

    private static String kernelConfigState(final String release) {
        final Path boot = Paths.get("/boot/config-" + release);
        try {
            if (Files.isReadable(boot)) {
                return configState(Files.newInputStream(boot), boot.toString());
            }
            final Path proc = Paths.get("/proc/config.gz");
            if (Files.isReadable(proc)) {
                return configState(new GZIPInputStream(Files.newInputStream(proc)), proc.toString());
            }
        } catch (final IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown (no " + boot + " or /proc/config.gz to read; a kernel without the config cannot be checked safely)";
    }

    private static String configState(final InputStream in, final String source) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals(KERNEL_OPTION + "=y")) {
                    return "enabled";
                }
            }
        }
        return "not set (read " + source + ")";
    }

    private static Optional<String> readFirstLine(final Path p) {
        try {
            return Files.readAllLines(p).stream().findFirst().map(String::trim);
        } catch (final IOException e) {
            return Optional.empty();
        }
    }
}
