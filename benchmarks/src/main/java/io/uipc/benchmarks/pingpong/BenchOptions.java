package io.uipc.benchmarks.pingpong;

import io.uipc.core.Backends;
import io.uipc.core.DomainConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PingPongBench#run} measures and how long.
 *
 * @param mechanisms       channels to measure, in this order
 * @param roundTrips       timed round trips per mechanism
 * @param warmupRoundTrips untimed round trips first...
 * @param warmupTime       ...and for at least this long (JIT compilation)
 * @param idleInterval     after the run, how long to watch the idle pong's CPU; zero skips it
 * @param timeout          limit per mechanism, JVM starts included
 * @param backend          uipc backend name, or {@value Backends#AUTO}
 * @param directory        where the run's temporary directory (domain file, sockets, pipes) goes
 * @param pinCpus          pin the ping's thread to CPU 0 and the pong's to CPU 1, as the C
 *                         baseline does; otherwise the kernel places them
 */
public record BenchOptions(List<Mechanism> mechanisms, int roundTrips, int warmupRoundTrips, Duration warmupTime,
                           Duration idleInterval, Duration timeout, String backend, Path directory, boolean pinCpus) {
    /** Default timed round trips. */
    public static final int DEFAULT_ROUND_TRIPS = 100_000;
    /** Default untimed round trips. */
    public static final int DEFAULT_WARMUP_ROUND_TRIPS = 20_000;

    /**
     * Checks every field.
     *
     * @param mechanisms       channels to measure, in this order
     * @param roundTrips       timed round trips per mechanism
     * @param warmupRoundTrips untimed round trips first...
     * @param warmupTime       ...and for at least this long (JIT compilation)
     * @param idleInterval     after the run, how long to watch the idle pong's CPU; zero skips it
     * @param timeout          limit per mechanism, JVM starts included
     * @param backend          uipc backend name, or {@value Backends#AUTO}
     * @param directory        where the run's temporary directory (domain file, sockets, pipes) goes
     * @param pinCpus          pin the ping's thread to CPU 0 and the pong's to CPU 1, as the C
     *                         baseline does; otherwise the kernel places them
     */
    public BenchOptions {
        mechanisms = List.copyOf(mechanisms);
        if (mechanisms.isEmpty()) {
            throw new IllegalArgumentException("no mechanism to measure");
        }
        if (new HashSet<>(mechanisms).size() != mechanisms.size()) {
            throw new IllegalArgumentException("a mechanism is listed twice: " + mechanisms);
        }
        if (roundTrips < 1) {
            throw new IllegalArgumentException("round trips must be at least 1, not " + roundTrips);
        }
        if (warmupRoundTrips < 0) {
            throw new IllegalArgumentException("warm-up round trips must not be negative, not " + warmupRoundTrips);
        }
        if (warmupTime.isNegative() || idleInterval.isNegative()) {
            throw new IllegalArgumentException("warm-up time and idle interval must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(directory, "directory");
        if (pinCpus && Runtime.getRuntime().availableProcessors() < 2) {
            throw new IllegalArgumentException("pinning needs two CPUs; this JVM sees " + Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * {@return every mechanism, {@value #DEFAULT_ROUND_TRIPS} round trips after
     * {@value #DEFAULT_WARMUP_ROUND_TRIPS} and 1 s of warm-up, 1 s idle interval, 5 min
     * timeout, backend auto, the default shared-memory directory, no pinning}
     */
    public static BenchOptions defaults() {
        return new BenchOptions(List.of(Mechanism.values()), DEFAULT_ROUND_TRIPS, DEFAULT_WARMUP_ROUND_TRIPS,
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5), Backends.AUTO, DomainConfig.defaultDirectory(), false);
    }

    /**
     * {@return these options with other mechanisms}
     *
     * @param list mechanisms to measure
     */
    public BenchOptions withMechanisms(final List<Mechanism> list) {
        return new BenchOptions(list, roundTrips, warmupRoundTrips, warmupTime, idleInterval, timeout, backend, directory, pinCpus);
    }

    /**
     * {@return these options with another round-trip count}
     *
     * @param count timed round trips
     */
    public BenchOptions withRoundTrips(final int count) {
        return new BenchOptions(mechanisms, count, warmupRoundTrips, warmupTime, idleInterval, timeout, backend, directory, pinCpus);
    }

    /**
     * {@return these options with another warm-up}
     *
     * @param count untimed round trips
     * @param time  minimum warm-up time
     */
    public BenchOptions withWarmup(final int count, final Duration time) {
        return new BenchOptions(mechanisms, roundTrips, count, time, idleInterval, timeout, backend, directory, pinCpus);
    }

    /**
     * {@return these options with another idle interval}
     *
     * @param interval idle interval, zero to skip
     */
    public BenchOptions withIdleInterval(final Duration interval) {
        return new BenchOptions(mechanisms, roundTrips, warmupRoundTrips, warmupTime, interval, timeout, backend, directory, pinCpus);
    }

    /**
     * {@return these options with another time limit}
     *
     * @param limit time limit per mechanism
     */
    public BenchOptions withTimeout(final Duration limit) {
        return new BenchOptions(mechanisms, roundTrips, warmupRoundTrips, warmupTime, idleInterval, limit, backend, directory, pinCpus);
    }

    /**
     * {@return these options with another directory}
     *
     * @param dir parent of the run's temporary directory
     */
    public BenchOptions withDirectory(final Path dir) {
        return new BenchOptions(mechanisms, roundTrips, warmupRoundTrips, warmupTime, idleInterval, timeout, backend, dir, pinCpus);
    }

    /**
     * {@return these options with or without CPU pinning}
     *
     * @param pin whether to pin the two peers' threads to CPUs 0 and 1
     */
    public BenchOptions withPinnedCpus(final boolean pin) {
        return new BenchOptions(mechanisms, roundTrips, warmupRoundTrips, warmupTime, idleInterval, timeout, backend, directory, pin);
    }
}
