package io.uipc.testing;

/**
 * Child JVM main for {@link JvmProcessTest}: "echo WORDS" replies the words; "env NAME" replies
 * the variable's value ("null" if unset); "count N" prints "n 1" to "n N", then replies;
 * "exit CODE" exits.
 */
public final class EchoProcess {
    private EchoProcess() {
    }

    /**
     * Serves the commands above until end of input.
     *
     * @param args ignored
     */
    public static void main(final String[] args) {
        new CommandLoop()
            .on("echo", a -> String.join(" ", a))
            .on("env", a -> String.valueOf(System.getenv(a[0])))
            .on("count", a -> {
                for (int i = 1; i <= Integer.parseInt(a[0]); i++) {
                    CommandLoop.print("n " + i);
                }
                return "";
            })
            .on("exit", a -> {
                System.exit(Integer.parseInt(a[0]));
                return null;
            })
            .run();
    }
}
