package io.uipc.launcher.testapp;

import io.uipc.launcher.LaunchedMember;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A member for launcher tests, scripted by its arguments:
 * <pre>
 *   exit-before-join CODE   print "failing at start" and exit with CODE before joining
 *   never-join              never join (blocks until killed)
 *   echo V                  accept V; print "got vector V" when it arrives
 *   crash-on V CODE         accept V; when it arrives print "crashing" and halt with CODE
 *   ignore-shutdown         after the shutdown vector, block instead of exiting
 *   survive-loss            when its group is lost (files deleted, truncated, replaced), print
 *                           "lost: REASON" instead of halting, and run on until stopped
 * </pre>
 * Otherwise it joins, prints "ready", runs until the shutdown vector and exits 0.
 */
public final class ScriptedMember {
    private ScriptedMember() {
    }

    /**
     * @param args the script
     * @throws InterruptedException never in practice
     */
    public static void main(final String[] args) throws InterruptedException {
        boolean ignoreShutdown = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("exit-before-join")) {
                System.out.println("failing at start");
                System.exit(Integer.parseInt(args[i + 1]));
            } else if (args[i].equals("never-join")) {
                System.out.println("not joining");
                new CountDownLatch(1).await();
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
