package io.uipc.launcher;

import io.uipc.launcher.spec.LaunchSpec;
import io.uipc.launcher.spec.ProcessSpec;
import io.uipc.launcher.testapp.ScriptedMember;

import java.nio.file.Paths;

/**
 * A launcher JVM that starts a group and then exits without stopping it, for
 * {@link GroupLauncherTest}: only the shutdown hook is left to kill the members and remove the
 * group. Prints {@code member PID} and {@code group DIR} first.
 */
public final class ExitingLauncher {
    private ExitingLauncher() {
    }

    /**
     * Starts the group and exits.
     *
     * @param args the group root
     */
    public static void main(final String[] args) {
        final GroupLauncher launcher = GroupLauncher.start(LaunchSpec.of(ProcessSpec.of("orphan", ScriptedMember.class)),
            LaunchOptions.defaults().root(Paths.get(args[0])));
        System.out.println("member " + launcher.member("orphan").pid());
        System.out.println("group " + launcher.group().directory());
        System.out.flush();
        System.exit(0);
    }
}
