package io.uipc.core.testing;

/** Child JVM main for {@link JvmProcessTest}: "echo WORDS" replies the words; "exit CODE" exits. */
public final class EchoProcess {
    private EchoProcess() {
    }

    /** @param args ignored */
    public static void main(final String[] args) {
        new CommandLoop()
            .on("echo", a -> String.join(" ", a))
            .on("exit", a -> {
                System.exit(Integer.parseInt(a[0]));
                return null;
            })
            .run();
    }
}
