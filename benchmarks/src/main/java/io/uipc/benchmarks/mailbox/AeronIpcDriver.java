package io.uipc.benchmarks.mailbox;

import io.aeron.AeronVersion;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The media driver the Aeron peers share, embedded in the coordinating JVM: one thread
 * ({@link ThreadingMode#SHARED}) that backs off when idle ({@link BackoffIdleStrategy}), so it
 * does not take a vCPU from the two peers; IPC data never passes through it (publishers write
 * the log buffers the subscribers read). Its directory is under /dev/shm and is deleted on close.
 */
final class AeronIpcDriver implements AutoCloseable {
    private final MediaDriver driver;

    private AeronIpcDriver(final MediaDriver driver) {
        this.driver = driver;
    }

    /** {@return a running driver in a fresh directory} */
    static AeronIpcDriver launch() {
        final Path base = Files.isDirectory(Paths.get("/dev/shm")) ? Paths.get("/dev/shm") : Paths.get(System.getProperty("java.io.tmpdir"));
        final Path dir = base.resolve("uipc-aeron-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        final MediaDriver.Context context = new MediaDriver.Context()
            .aeronDirectoryName(dir.toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        return new AeronIpcDriver(MediaDriver.launch(context));
    }

    /** {@return the directory clients connect through} */
    String directory() {
        return driver.aeronDirectoryName();
    }

    @Override
    public void close() {
        driver.close();
    }

    /** {@return Aeron's version} */
    static String aeronVersion() {
        return AeronVersion.VERSION;
    }

    /**
     * The Agrona Aeron runs on here: the one Maven resolved for the benchmarks module, read from
     * the manifest of the jar Agrona's classes come from (its Implementation-Version, or the
     * Agrona-Version the benchmarks' shaded jar records).
     *
     * @return the version, or "unknown"
     */
    static String agronaVersion() {
        final String version = UnsafeBuffer.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try {
            final Path jar = Paths.get(UnsafeBuffer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return "unknown";
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                final Manifest manifest = file.getManifest();
                final String recorded = manifest == null ? null : manifest.getMainAttributes().getValue("Agrona-Version");
                return recorded == null ? "unknown" : recorded;
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the manifest of Agrona's jar", e);
        } catch (final URISyntaxException | SecurityException e) {
            return "unknown";
        }
    }
}
