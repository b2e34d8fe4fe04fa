package io.paretoprune.pruning;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningSchedule.Ramp;
import io.paretoprune.pruning.strategy.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The settings every pruning rule shares, for built-in and plug-in {@link PruningProvider}s alike:
 * {@code on} (which parameters), {@code regrowth} (regrow or fixed masks) and, for rules that prune
 * to a target sparsity, the schedule ({@code target}, {@code ramp}, {@code start_step}, {@code
 * end_step}, {@code every}) and {@code scope}. A provider lists them in its {@link
 * PruningProvider#settings()} with {@link #common()} or {@link #scheduled()}, adds its own keys,
 * and reads them with the methods here; every bad value is a {@link ConfigException} naming its
 * key.
 *
 * <pre>{@code
 * public Map<String, String> settings() {
 *   Map<String, String> m = PruningSettings.common();
 *   m.put("tau", "threshold, >= 0");
 *   return m;
 * }
 * public StepHook create(PluginSettings s) {
 *   s.requireOnly(this);
 *   return PruningSettings.hook(new MyRule(s.getDouble("tau", 1e-3)), s, PruningSchedule.everyStep(0));
 * }
 * }</pre>
 */
public final class PruningSettings {
  public static final String ON = "on";
  public static final String REGROWTH = "regrowth";
  public static final String TARGET = "target";
  public static final String RAMP = "ramp";
  public static final String START_STEP = "start_step";
  public static final String END_STEP = "end_step";
  public static final String EVERY = "every";
  public static final String SCOPE = "scope";
  public static final String SEED = "seed";

  private static final String ON_HELP =
      "which parameters to prune: dense (kernels and biases, default), dense.kernel, conv, all,"
          + " or layer names like dense1,dense2.weight";
  private static final String REGROWTH_HELP =
      "regrow (default: the rule re-applies to current values, pruned weights may come back) or"
          + " fixed (pruned weights and their optimizer state stay 0)";
  private static final String TARGET_HELP = "sparsity to reach, in [0, 1) (required)";
  private static final String RAMP_HELP =
      "constant (default), linear or polynomial (cubic, Zhu & Gupta) from 0 at start_step to"
          + " target at end_step";
  private static final String START_HELP = "first step that prunes; 0 (default) is before training";
  private static final String END_HELP =
      "step where a linear or polynomial ramp reaches target (default: the run's last step)";
  private static final String EVERY_HELP = "prune every N steps from start_step (default 1)";
  private static final String SCOPE_HELP =
      "layer (default: each layer's kernel and bias to target) or global (one ranking over the"
          + " whole selection)";

  private PruningSettings() {}

  /** {@code on} and {@code regrowth} with their help, for a provider's {@code settings()}. */
  public static Map<String, String> common() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(ON, ON_HELP);
    m.put(REGROWTH, REGROWTH_HELP);
    return m;
  }

  /** The schedule's keys, {@code scope}, then {@link #common()}: for target-sparsity rules. */
  public static Map<String, String> scheduled() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TARGET, TARGET_HELP);
    m.put(RAMP, RAMP_HELP);
    m.put(START_STEP, START_HELP);
    m.put(END_STEP, END_HELP);
    m.put(EVERY, EVERY_HELP);
    m.put(SCOPE, SCOPE_HELP);
    m.putAll(common());
    return m;
  }

  /**
   * {@code start_step} and {@code every}, then {@link #common()}: for rules whose amount is fixed
   * by their own keys (a threshold, N:M) but that may prune on a cadence.
   */
  public static Map<String, String> events() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(START_STEP, START_HELP);
    m.put(EVERY, EVERY_HELP);
    m.putAll(common());
    return m;
  }

  /** Keys start_step and every: events from start_step every N steps, target 0 (unused). */
  public static PruningSchedule events(PluginSettings s) {
    int start = s.getInt(START_STEP, 0, 0, Integer.MAX_VALUE);
    int every = s.getInt(EVERY, 1, 1, Integer.MAX_VALUE);
    return new PruningSchedule(Ramp.CONSTANT, 0, start, PruningSchedule.RUN_END, every);
  }

  /**
   * The hook that applies {@code strategy} to the parameters of {@code on} under the {@code
   * regrowth} policy, following {@code schedule} (e.g. {@link #schedule} or {@link
   * PruningSchedule#everyStep}).
   */
  public static PruningHook hook(
      PruningStrategy strategy, PluginSettings settings, PruningSchedule schedule) {
    return new PruningHook(strategy, selector(settings), schedule, regrowth(settings));
  }

  /** Key {@code on}: a selector spec, as one comma-separated string or a list of tokens. */
  public static ParameterSelector selector(PluginSettings s) {
    Object v = s.asMap().get(ON);
    String spec;
    if (v == null) {
      return ParameterSelector.dense();
    } else if (v instanceof List<?> list) {
      spec = list.stream().map(String::valueOf).collect(Collectors.joining(","));
    } else {
      spec = s.getString(ON, null);
    }
    try {
      return ParameterSelector.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(ON, e.getMessage());
    }
  }

  public static Regrowth regrowth(PluginSettings s) {
    return Regrowth.parse(s.getChoice(REGROWTH, "regrow", Regrowth.NAMES));
  }

  public static Scope scope(PluginSettings s) {
    return Scope.parse(s.getChoice(SCOPE, "layer", Scope.NAMES));
  }

  /** Keys target (required), ramp, start_step, end_step, every. */
  public static PruningSchedule schedule(PluginSettings s) {
    if (!s.has(TARGET)) {
      throw new ConfigException(TARGET, "required: the sparsity to reach, a number in [0, 1)");
    }
    double target = s.getDouble(TARGET, 0);
    if (!(target >= 0 && target < 1)) {
      throw new ConfigException(TARGET, "must be in [0, 1), got " + target);
    }
    Ramp ramp = Ramp.parse(s.getChoice(RAMP, "constant", Ramp.NAMES));
    int start = s.getInt(START_STEP, 0, 0, Integer.MAX_VALUE);
    long end = PruningSchedule.RUN_END;
    if (s.has(END_STEP)) {
      if (ramp == Ramp.CONSTANT) {
        throw new ConfigException(END_STEP, "only used with ramp linear or polynomial");
      }
      end = s.getInt(END_STEP, 0, 0, Integer.MAX_VALUE);
      if (end <= start) {
        throw new ConfigException(
            END_STEP, "must be greater than start_step (" + start + "), got " + end);
      }
    }
    int every = s.getInt(EVERY, 1, 1, Integer.MAX_VALUE);
    return new PruningSchedule(ramp, target, start, end, every);
  }

  /**
   * Key {@code seed}: a whole number (a long), or empty when not set (a rule then draws from the
   * run's seed, {@link PruningContext#seed()}).
   */
  public static OptionalLong seed(PluginSettings s) {
    if (!s.has(SEED)) {
      return OptionalLong.empty();
    }
    String v = s.getString(SEED, "0").trim();
    try {
      return OptionalLong.of(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw new ConfigException(SEED, "expected a whole number, got '" + v + "'");
    }
  }
}
