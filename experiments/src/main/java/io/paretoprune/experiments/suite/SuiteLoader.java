package io.paretoprune.experiments.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.paretoprune.core.data.BatchOrder;
import io.paretoprune.core.objective.LossTerms;
import io.paretoprune.core.plugin.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a suite file. Every problem is a {@link ConfigException} naming the file and the key;
 * plug-in names and settings are checked by {@link SuiteValidator} before anything runs.
 */
public final class SuiteLoader {
  private static final Set<String> TOP =
      Set.of(
          "name",
          "dataset",
          "model",
          "objectives",
          "optimizers",
          "pruning",
          "seeds",
          "epochs",
          "batch_size",
          "eval_batch_size",
          "max_steps_per_epoch",
          "threads_per_run",
          "parallel",
          "runner",
          "slurm",
          "pareto",
          "shared_settings",
          "grid");
  static final List<String> SEARCHES =
      List.of("sweep", "bisection", "dichotomic", "stochastic-dichotomic");

  /** Jackson keeps the last of two equal keys unless told otherwise; a suite must not. */
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private SuiteLoader() {}

  public static SuiteSpec load(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(name, null, "suite file not found");
    }
    JsonNode tree;
    try {
      tree = YAML.readTree(text(file, name));
    } catch (StreamReadException e) {
      DuplicateKey.of(e)
          .ifPresent(
              d -> {
                throw new ConfigException(
                    name, d.key(), "key written twice (again on line " + d.line() + ")");
              });
      throw new ConfigException(
          name, null, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          name, null, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new ConfigException(name, null, "cannot read: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ConfigException(name, null, "the suite file is empty");
    }
    SuiteSpec spec = parse(new ConfigNode(name, "", tree));
    SuiteValidator.validate(spec, name);
    return spec;
  }

  /**
   * The file as strict UTF-8 (YAML's encoding), so that a binary or otherwise encoded file is one
   * line naming the byte instead of the YAML parser's wrapped decoder exception.
   */
  private static String text(Path file, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    if (utf8.decode(in, out, true).isError() || utf8.flush(out).isError()) {
      throw new ConfigException(
          name,
          null,
          "not a text file: byte " + in.position() + " is not UTF-8 (a suite file is YAML text)");
    }
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new ConfigException(
          name, null, "not a text file: character " + nul + " is NUL (a suite file is YAML text)");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static SuiteSpec parse(ConfigNode root) {
    root.allowOnly(TOP);
    String suiteName = root.required("name").text();
    if (!suiteName.matches("[A-Za-z0-9_.-]+")) {
      throw root.error(
          "name",
          "use letters, digits, '.', '_' and '-' only (it names a directory), got '"
              + suiteName
              + "'");
    }
    ConfigNode ds =
        root.required("dataset")
            .allowOnly(Set.of("name", "dir", "train_limit", "test_limit", "batch_order"));
    String batchOrder = ds.text("batch_order", null);
    if (batchOrder != null && BatchOrder.byKey(batchOrder) == null) {
      throw ds.error(
          "batch_order",
          "unknown batch order '"
              + batchOrder
              + "'; use "
              + Arrays.stream(BatchOrder.values())
                  .map(BatchOrder::key)
                  .collect(Collectors.joining(" or ")));
    }
    SuiteSpec.DatasetSpec dataset =
        new SuiteSpec.DatasetSpec(
            ds.required("name").text(),
            ds.text("dir", null),
            ds.integer("train_limit", 0, 0, Integer.MAX_VALUE),
            ds.integer("test_limit", 0, 0, Integer.MAX_VALUE),
            batchOrder);
    SuiteSpec.PluginSpec model = plugin(root.required("model"));
    List<SuiteSpec.ObjectiveSpec> objectives = objectives(root.required("objectives"));
    List<SuiteSpec.OptimizerSpec> optimizers =
        OptimizerEntries.parse(root, SuiteLoader::objectives);
    SuiteSpec.PluginSpec pruning =
        root.get("pruning").isMissing()
            ? new SuiteSpec.PluginSpec("none", java.util.Map.of())
            : plugin(root.get("pruning"));
    Set<Long> seeds = new LinkedHashSet<>();
    for (ConfigNode s : root.required("seeds").list()) {
      try {
        if (!seeds.add(Long.parseLong(s.text()))) {
          throw s.error("duplicate seed " + s.text());
        }
      } catch (NumberFormatException e) {
        throw s.error("expected a whole number, got '" + s.text() + "'");
      }
    }
    if (seeds.isEmpty()) {
      throw root.error("seeds", "at least one seed is needed");
    }
    int threads = root.integer("threads_per_run", 1, 1, 256);
    int epochs = root.integer("epochs", 1, 1, 100_000);
    return new SuiteSpec(
        suiteName,
        dataset,
        model,
        objectives,
        optimizers,
        pruning,
        List.copyOf(seeds),
        epochs,
        root.integer("batch_size", 64, 1, 1 << 20),
        root.integer("eval_batch_size", 1000, 1, 1 << 20),
        root.integer("max_steps_per_epoch", 0, 0, Integer.MAX_VALUE),
        threads,
        root.integer("parallel", 0, 0, 256),
        pack(root.get("runner")),
        root.get("pareto").isMissing() ? null : pareto(root.get("pareto"), epochs),
        executor(root.get("runner")),
        SlurmBlock.parse(root.get("slurm"), threads));
  }

  /** {@code runner: {executor: local | slurm}}; local when absent. */
  private static String executor(ConfigNode runner) {
    String e = runner.isMissing() ? "local" : runner.text("executor", "local");
    if (!SuiteSpec.EXECUTORS.contains(e)) {
      throw runner.error(
          "executor",
          "unknown executor '" + e + "'; known: " + String.join(", ", SuiteSpec.EXECUTORS));
    }
    return e;
  }

  /** {@code runner: {pack: auto | N}}; auto (0) when absent. */
  private static int pack(ConfigNode runner) {
    if (runner.isMissing()) {
      return 0;
    }
    runner.allowOnly(Set.of("pack", "executor"));
    ConfigNode p = runner.get("pack");
    if (p.isMissing() || p.text().equals("auto")) {
      return 0;
    }
    try {
      int n = Integer.parseInt(p.text());
      if (n >= 1 && n <= 1024) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw p.error("expected auto or a whole number of runs from 1 to 1024, got '" + p.text() + "'");
  }

  private static SuiteSpec.PluginSpec plugin(ConfigNode n) {
    n.allowOnly(Set.of("name", "settings"));
    return new SuiteSpec.PluginSpec(n.required("name").text(), n.get("settings").settings());
  }

  private static List<SuiteSpec.ObjectiveSpec> objectives(ConfigNode list) {
    List<SuiteSpec.ObjectiveSpec> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode o : list.list()) {
      o.allowOnly(Set.of("name", "loss", "l1", "l2", "group_lasso"));
      String name = o.required("name").text();
      if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw o.error(
            "name",
            "use a letter then letters, digits or '_' (it names CSV columns), got '" + name + "'");
      }
      if (!names.add(name)) {
        throw o.error("name", "duplicate objective name '" + name + "'");
      }
      String loss = o.text("loss", null);
      if (loss != null) {
        try {
          LossTerms.get(loss);
        } catch (ConfigException e) {
          throw o.error("loss", e.problem());
        }
      }
      List<SuiteSpec.PenaltySpec> penalties = new ArrayList<>();
      for (String type : List.of("l1", "l2", "group_lasso")) {
        ConfigNode p = o.get(type);
        if (!p.isMissing()) {
          p.allowOnly(Set.of("on", "factor"));
          penalties.add(
              new SuiteSpec.PenaltySpec(
                  type,
                  p.required("on").text(),
                  p.number("factor", 1.0, Double.MIN_VALUE, Double.MAX_VALUE)));
        }
      }
      if (loss == null && penalties.isEmpty()) {
        throw o.error("objective '" + name + "' has no term: give loss, l1, l2 or group_lasso");
      }
      out.add(new SuiteSpec.ObjectiveSpec(name, loss, penalties));
    }
    if (out.isEmpty()) {
      throw list.error("at least one objective is needed");
    }
    return out;
  }

  /**
   * The {@code pareto:} block; {@code suiteEpochs} is what {@code epochs: full} stands for.
   * Defaults: E/3 epochs per weighting (0), 20 evaluations, seed 1, one seed per weighting, the
   * paper's sweep, the knee retrained unless the weightings train the full epochs already.
   */
  private static SuiteSpec.ParetoSpec pareto(ConfigNode p, int suiteEpochs) {
    p.allowOnly(
        Set.of(
            "search",
            "epochs",
            "max_evaluations",
            "seed",
            "seeds_per_weighting",
            "c2",
            "retrain",
            "knee",
            "step"));
    String search = p.required("search").text();
    if (!SEARCHES.contains(search)) {
      throw p.error(
          "search", "unknown search '" + search + "'; known: " + String.join(", ", SEARCHES));
    }
    String knee = p.text("knee", "chord");
    if (!knee.equals("chord") && !knee.equals("paper")) {
      throw p.error("knee", "must be chord or paper, got '" + knee + "'");
    }
    ConfigNode e = p.get("epochs");
    boolean full = !e.isMissing() && e.text().equals("full");
    if (!e.isMissing() && !full && !e.text().matches("[0-9]+")) {
      throw e.error("expected full (the suite's epochs) or a whole number, got '" + e.text() + "'");
    }
    int epochs = full ? suiteEpochs : p.integer("epochs", 0, 0, 100_000);
    // Retraining a knee that trained the full epochs would train the same runs again.
    boolean retrain = p.bool("retrain", !full);
    if (full && retrain) {
      throw p.error(
          "retrain",
          "the weightings train the suite's full "
              + suiteEpochs
              + " epochs (epochs: full), so the knee needs no retraining; remove retrain or set it"
              + " to false");
    }
    List<Double> sweep = sweep(p, search);
    int maxEvaluations = p.integer("max_evaluations", sweep == null ? 20 : sweep.size(), 2, 1000);
    if (sweep != null && maxEvaluations < sweep.size()) {
      throw p.error(
          "max_evaluations",
          maxEvaluations
              + " is fewer than the "
              + sweep.size()
              + " values of c2, so the sweep would leave out the last "
              + (sweep.size() - maxEvaluations)
              + "; remove max_evaluations or list fewer values of c2");
    }
    return new SuiteSpec.ParetoSpec(
        search,
        epochs,
        maxEvaluations,
        p.integer("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE),
        retrain,
        knee,
        p.get("step").settings(),
        p.integer("seeds_per_weighting", 1, 1, 100),
        sweep);
  }

  /**
   * {@code c2: [...]}: the sweep's weights of f2, each in [0, 1), no value twice; null if absent.
   */
  private static List<Double> sweep(ConfigNode p, String search) {
    ConfigNode c2 = p.get("c2");
    if (c2.isMissing()) {
      return null;
    }
    if (!search.equals("sweep")) {
      throw p.error(
          "c2", "only a sweep takes a list of c2 (this search is " + search + "); remove c2");
    }
    List<Double> out = new ArrayList<>();
    for (ConfigNode v : c2.list()) {
      double d;
      try {
        d = Double.parseDouble(v.text());
      } catch (NumberFormatException e) {
        throw v.error("expected a number, got '" + v.text() + "'");
      }
      if (!(d >= 0 && d < 1)) {
        throw v.error("c2 must be in [0, 1) (c1 = 1 - c2 > 0), got " + v.text());
      }
      // The search knows a weighting by c2 rounded to 1e-12 and its runs by c2 to 6 digits.
      double value = d;
      if (out.stream().anyMatch(o -> sameWeighting(o, value))) {
        throw v.error("c2 = " + v.text() + " is listed twice");
      }
      out.add(d);
    }
    if (out.size() < 2) {
      throw p.error("c2", "a sweep needs at least two values of c2");
    }
    return List.copyOf(out);
  }

  /** Whether the search and its run folders take a and b for one weighting. */
  private static boolean sameWeighting(double a, double b) {
    return Math.round(a * 1e12) == Math.round(b * 1e12)
        || String.format(Locale.ROOT, "%.6g", a).equals(String.format(Locale.ROOT, "%.6g", b));
  }
}
