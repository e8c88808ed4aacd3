package io.uipc.launcher.cli;

import io.uipc.launcher.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code uipc demo}: the newcomer's tour, start to clean finish in a few seconds. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Create a temporary group, launch a small database-style group (lgwr, two foregrounds, a session), show ps,",
    "fire interrupts with visible effect (group commits; a blocked session cancelled from another process), and",
    "tear everything down, checking that no process and no file is left."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    GroupDir dir;

    @Override
    public Integer call() throws InterruptedException {
        return Demo.run(dir.root, System.out);
    }
}
