package io.uipc.launcher.testapp;

import io.uipc.launcher.LaunchedMember;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A member for launcher tests, scripted by its arguments:
 * <pre>
 *   grandchild              start "sleep 120" with this JVM's output, print "grandchild pid P"
 *   flood MIB CODE          print MIB MiB of 'x' and then "END", without a newline, and exit with CODE
 *   exit-before-join CODE   print "failing at start" and exit with CODE before joining
 *   throw-before-join MSG   throw an IllegalStateException(MSG) caused by an IOException before joining
 *   never-join              never join (blocks until killed)
 *   touch PATH              create the file PATH (relative to the working directory)
 *   await-file PATH         wait until the file PATH exists (relative to the working directory)
 *   echo V                  accept V; print "got vector V" when it arrives
 *   crash-on V CODE         accept V; when it arrives print "crashing" and halt with CODE
 *   ignore-shutdown         after the shutdown vector, block instead of exiting
 *   survive-loss            when its group is lost (files deleted, truncated, replaced), print
 *                           "lost: REASON" instead of halting, and run on until stopped
 * </pre>
 * Otherwise it joins, prints "ready", runs until the shutdown vector and exits 0. The steps before
 * joining run in order.
 */
public final class ScriptedMember {
    private ScriptedMember() {
    }

    /**
     * @param args the script
     * @throws InterruptedException never in practice
     * @throws IOException          if the grandchild cannot be started
     */
    public static void main(final String[] args) throws InterruptedException, IOException {
        boolean ignoreShutdown = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("grandchild")) {
                final Process sleep = new ProcessBuilder("sleep", "120").redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                System.out.println("grandchild pid " + sleep.pid());
            } else if (args[i].equals("flood")) {
                final byte[] mib = new byte[1 << 20];
                Arrays.fill(mib, (byte) 'x');
                for (int k = Integer.parseInt(args[i + 1]); k > 0; k--) {
                    System.out.write(mib);
                }
                System.out.print("END");
                System.out.flush();
                System.exit(Integer.parseInt(args[i + 2]));
            } else if (args[i].equals("exit-before-join")) {
                System.out.println("failing at start");
                System.exit(Integer.parseInt(args[i + 1]));
            } else if (args[i].equals("throw-before-join")) {
                System.out.println("starting");
                throw new IllegalStateException(args[i + 1], new java.io.UncheckedIOException(new java.io.IOException("disk on fire")));
            } else if (args[i].equals("never-join")) {
                System.out.println("not joining");
                new CountDownLatch(1).await();
            } else if (args[i].equals("touch")) {
                java.nio.file.Files.createFile(java.nio.file.Path.of(args[i + 1]));
            } else if (args[i].equals("await-file")) {
                while (!java.nio.file.Files.exists(java.nio.file.Path.of(args[i + 1]))) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
            } else if (args[i].equals("ignore-shutdown")) {
                ignoreShutdown = true;
            }
        }
        final List<Integer> vectors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("echo") || args[i].equals("crash-on")) {
                vectors.add(Integer.parseInt(args[i + 1]));
            }
        }
        try (LaunchedMember self = LaunchedMember.join(vectors.stream().mapToInt(Integer::intValue).toArray())) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("echo")) {
                    self.receiver().onVector(Integer.parseInt(args[i + 1]), x -> System.out.println("got vector " + x));
                } else if (args[i].equals("crash-on")) {
                    final int code = Integer.parseInt(args[i + 2]);
                    self.receiver().onVector(Integer.parseInt(args[i + 1]), x -> {
                        System.out.println("crashing with code " + code);
                        System.out.flush();
                        Runtime.getRuntime().halt(code);
                    });
                }
            }
            if (List.of(args).contains("survive-loss")) {
                self.group().onMemberLost(e -> System.out.println("lost: " + e.getMessage()));
            }
            System.out.println("ready: " + self.member().name());
            self.runUntilShutdown();
            System.out.println("shutdown vector received");
            if (ignoreShutdown) {
                System.out.println("ignoring it");
                new CountDownLatch(1).await();
            }
        }
    }
}
