package io.paretoprune.pruning.provider;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.PruningSchedule.Ramp;
import io.paretoprune.pruning.Regrowth;
import io.paretoprune.pruning.strategy.Scope;
import java.util.List;
import java.util.stream.Collectors;

/** Reading of the settings the pruning providers share; every bad value names its key. */
final class CommonSettings {
  static final String ON = "on";
  static final String REGROWTH = "regrowth";
  static final String TARGET = "target";
  static final String RAMP = "ramp";
  static final String START_STEP = "start_step";
  static final String END_STEP = "end_step";
  static final String EVERY = "every";
  static final String SCOPE = "scope";
  static final String SEED = "seed";

  static final String ON_HELP =
      "which parameters to prune: dense (kernels and biases, default), dense.kernel, conv, all,"
          + " or layer names like dense1,dense2.weight";
  static final String REGROWTH_HELP =
      "regrow (default: the rule re-applies to current values, pruned weights may come back) or"
          + " fixed (pruned weights and their optimizer state stay 0)";

  private CommonSettings() {}

  /** Key {@code on}: a selector spec, as one comma-separated string or a list of tokens. */
  static ParameterSelector selector(PluginSettings s) {
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

  static Regrowth regrowth(PluginSettings s) {
    return Regrowth.parse(s.getChoice(REGROWTH, "regrow", Regrowth.NAMES));
  }

  static Scope scope(PluginSettings s) {
    return Scope.parse(s.getChoice(SCOPE, "layer", Scope.NAMES));
  }

  /** Keys target (required), ramp, start_step, end_step, every. */
  static PruningSchedule schedule(PluginSettings s) {
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

  /** Key {@code seed}: a whole number (a long). */
  static long seed(PluginSettings s) {
    String v = s.getString(SEED, "0").trim();
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(SEED, "expected a whole number, got '" + v + "'");
    }
  }

  static final String TARGET_HELP = "sparsity to reach, in [0, 1) (required)";
  static final String RAMP_HELP =
      "constant (default), linear or polynomial (cubic, Zhu & Gupta) from 0 at start_step to"
          + " target at end_step";
  static final String START_HELP = "first step that prunes; 0 (default) is before training";
  static final String END_HELP =
      "step where a linear or polynomial ramp reaches target (default: the run's last step)";
  static final String EVERY_HELP = "prune every N steps from start_step (default 1)";
  static final String SCOPE_HELP =
      "layer (default: each layer's kernel and bias to target) or global (one ranking over the"
          + " whole selection)";
}
