package io.uipc.launcher.cli;

import io.uipc.launcher.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code uipc demo}: the newcomer's tour, start to clean finish in a few seconds. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "The tour: launch a small database-style group, fire interrupts, tear it down.",
    "Creates a temporary group, launches lgwr, two foregrounds and a session, shows ps, fires interrupts with",
    "visible effect (commits acknowledged by lgwr; a session blocked in Thread.sleep cancelled from another",
    "process), then stops everything and checks that no process and no file is left."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    GroupDir dir;

    @Override
    public Integer call() throws InterruptedException {
        return Demo.run(dir.root, System.out);
    }
}
