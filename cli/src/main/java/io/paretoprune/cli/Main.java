package io.paretoprune.cli;

import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.core.plugin.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code paretoprune} and its subcommands. */
@Command(
    name = "paretoprune",
    mixinStandardHelpOptions = true,
    version = "ParetoPrune 0.1.0",
    description = "Multiobjective training and intra-training pruning of neural networks.",
    subcommands = {
      RunCommand.class,
      ParetoCommand.class,
      ReportCommand.class,
      EvalCommand.class,
      ExportCommand.class,
      ListCommand.class,
      FetchDataCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code of a run that failed or diverged. */
  public static final int RUN_FAILED = 1;

  /** Exit code of a user's mistake: bad usage, config or input file. */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigException
              || e instanceof DatasetFormatException
              || e instanceof UserInputException
              || e instanceof io.paretoprune.experiments.run.ResultsFolderException
              || e instanceof io.paretoprune.models.store.ModelFileException
              || e instanceof io.paretoprune.reporting.ReportException) {
            commandLine.getErr().println("paretoprune: " + e.getMessage());
            return BAD_INPUT;
          }
          throw e;
        });
    return cl.execute(args);
  }
}
