package io.paretoprune.cli;

import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.pruning.PruningStrategies;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code list optimizers|pruning|models|datasets}, from the plug-in registries. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the optimizers, pruning strategies, models or datasets on the classpath "
            + "(plug-ins included) with their settings.")
public final class ListCommand implements Callable<Integer> {
  enum What {
    optimizers,
    pruning,
    models,
    datasets
  }

  @Parameters(paramLabel = "WHAT", description = "one of: ${COMPLETION-CANDIDATES}")
  What what;

  @Override
  public Integer call() {
    switch (what) {
      case optimizers -> print(Optimizers.load().all());
      case pruning -> print(PruningStrategies.registry().all());
      case models -> print(ModelZoo.load().all());
      case datasets ->
          Datasets.all().forEach(d -> System.out.println(d.name() + "  " + d.description()));
      default -> throw new IllegalStateException();
    }
    return 0;
  }

  private static void print(List<? extends Plugin> plugins) {
    for (Plugin p : plugins) {
      System.out.println(p.name() + "  " + p.description());
      for (Map.Entry<String, String> s : p.settings().entrySet()) {
        System.out.println("    " + s.getKey() + ": " + s.getValue());
      }
    }
  }
}
