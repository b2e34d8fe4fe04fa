package io.paretoprune.cli;

import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginLoadException;
import io.paretoprune.core.plugin.PluginPath;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code paretoprune} and its subcommands. */
@Command(
    name = "paretoprune",
    mixinStandardHelpOptions = true,
    version = "ParetoPrune 0.1.0",
    description = "Multiobjective training and intra-training pruning of neural networks.",
    subcommands = {
      RunCommand.class,
      ParetoCommand.class,
      StatusCommand.class,
      ReportCommand.class,
      EvalCommand.class,
      ExportCommand.class,
      ArchiveCommand.class,
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

  @Option(
      names = "--plugins",
      scope = ScopeType.INHERIT,
      paramLabel = "PATH[:PATH...]",
      description =
          "plug-in jars, or folders of jars, to load besides those in plugins/ of the project home"
              + " and in $PARETOPRUNE_PLUGINS")
  String plugins;

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
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    cl.setExecutionStrategy(main::withPlugins);
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
          if (e instanceof io.paretoprune.experiments.run.WeightingFailedException) {
            commandLine.getErr().println("paretoprune: " + e.getMessage());
            return RUN_FAILED;
          }
          throw e;
        });
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    try {
      return cl.execute(args);
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  /**
   * Loads and checks every plug-in jar before the command runs, so a broken jar is one line and
   * exit 2 with nothing half-run. Help needs no plug-ins and works with a broken one.
   */
  private int withPlugins(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    boolean help =
        last.isUsageHelpRequested()
            || last.isVersionHelpRequested()
            || last.commandSpec().userObject() instanceof CommandLine.HelpCommand
            || last == parseResult;
    if (!help) {
      String home = System.getProperty("paretoprune.home");
      try {
        PluginPath.resolve(
                home != null ? Path.of(home) : null, plugins, System.getenv(PluginPath.ENV))
            .install();
      } catch (PluginLoadException e) {
        parseResult.commandSpec().commandLine().getErr().println("paretoprune: " + e.getMessage());
        return BAD_INPUT;
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }
}
