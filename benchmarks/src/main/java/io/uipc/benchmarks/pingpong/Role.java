package io.uipc.benchmarks.pingpong;

/** Which side of the ping-pong a peer JVM plays; pinned, each runs on the CPU of its ordinal. */
enum Role {
    /** Sends first and times each round trip. */
    PING,
    /** Echoes every message back; the side whose idle CPU is measured. */
    PONG
}
