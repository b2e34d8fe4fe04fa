package io.paretoprune.cli;

import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.objective.LossTerms;
import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginRegistry;
import io.paretoprune.core.task.Tasks;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.optimizers.PluginCatalog;
import io.paretoprune.pruning.PruningStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code list [WHAT]}: the entries of every plug-in seam with their origin and settings. It shows
 * every seam {@link PluginRegistry} has loaded, so a new seam needs no change here.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List the optimizers, pruning strategies, models, datasets, tasks, losses (and any other"
            + " plug-in seam)"
            + " with each entry's origin (built-in or the plug-in jar's file name) and settings.")
public final class ListCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "WHAT",
      arity = "0..1",
      description =
          "optimizers, pruning, models, datasets, tasks, losses or another seam's kind; all seams"
              + " when omitted")
  String what;

  @Override
  public Integer call() {
    // The seams the application knows; loading them also registers seams they load themselves.
    Optimizers.load();
    PluginCatalog.combiners();
    PluginCatalog.stepRules();
    PruningStrategies.registry();
    ModelZoo.load();
    Datasets.registry();
    Tasks.registry();
    LossTerms.registry();
    List<PluginRegistry<?>> seams = PluginRegistry.loaded();
    if (what == null) {
      for (PluginRegistry<?> r : seams) {
        System.out.println("# " + aliases(r).get(1) + " (" + r.seam().getName() + ")");
        print(r.all());
      }
      return 0;
    }
    List<String> known = new ArrayList<>();
    for (PluginRegistry<?> r : seams) {
      if (aliases(r).contains(what.toLowerCase(Locale.ROOT))) {
        print(r.all());
        return 0;
      }
      known.add(aliases(r).get(1));
    }
    throw new UserInputException(
        "list: unknown WHAT '" + what + "'; known: " + String.join(", ", known));
  }

  /**
   * The words that name a seam: its kind with spaces as hyphens ("pruning-strategy"), its plural
   * (second: the one shown), the kind's first word ("pruning") and the interface's simple name.
   */
  private static List<String> aliases(PluginRegistry<?> r) {
    String kind = PluginRegistry.kindOf(r.seam()).toLowerCase(Locale.ROOT).replace(' ', '-');
    String plural =
        kind.matches(".*[^aeiou]y")
            ? kind.substring(0, kind.length() - 1) + "ies"
            : kind.endsWith("s") ? kind + "es" : kind + "s";
    return List.of(
        kind, plural, kind.split("-")[0], r.seam().getSimpleName().toLowerCase(Locale.ROOT));
  }

  private static void print(List<? extends Plugin> plugins) {
    for (Plugin p : plugins) {
      System.out.println(p.name() + "  [" + PluginRegistry.origin(p) + "]  " + p.description());
      for (Map.Entry<String, String> s : p.settings().entrySet()) {
        System.out.println("    " + s.getKey() + ": " + s.getValue());
      }
    }
  }
}
