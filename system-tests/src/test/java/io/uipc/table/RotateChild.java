package io.uipc.table;

import io.uipc.testing.CommandLoop;

import java.nio.file.Paths;

/**
 * A child JVM that rotates a group's secret: "rotate DIR" attaches the group and replies how many
 * rotations it has had; a refusal is an error reply naming the exception and its message.
 */
public final class RotateChild {
    private RotateChild() {
    }

    /**
     * Serves "rotate" until end of input.
     *
     * @param args none
     */
    public static void main(final String[] args) {
        new CommandLoop()
            .on("rotate", a -> {
                try (ProcessGroup group = ProcessGroup.attach(Paths.get(a[0]))) {
                    return Long.toString(group.rotateSecret());
                }
            })
            .run();
    }
}
