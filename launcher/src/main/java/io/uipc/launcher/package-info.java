/**
 * Starting, supervising and stopping a group of JVMs: {@link io.uipc.launcher.GroupLauncher} wires
 * its parts (a roster of members, the group it creates or attaches, a spawner, a readiness probe,
 * a start sequence, one supervisor and one stop sequence) and {@link io.uipc.launcher.LaunchedMember}
 * is the side a launched member runs. Threads: the supervisor loop and the JVM shutdown hook read
 * the launch state; every field they share is final, volatile or atomic.
 */
package io.uipc.launcher;
