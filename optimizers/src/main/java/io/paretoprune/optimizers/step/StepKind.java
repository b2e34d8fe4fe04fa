package io.paretoprune.optimizers.step;

import io.paretoprune.optimizers.schedule.Schedule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step rules an optimizer can pair with a combiner, with the paper's defaults: SGD with
 * momentum 0.9 and inverse-time decay at lr 0.01; Adam and RMSProp at a constant rate, 0.001 and
 * 0.0001 (the paper runs RMSProp variants at a tenth of the usual rate).
 */
public enum StepKind {
  SGD("sgd", 0.01, Schedule.INVERSE_TIME),
  ADAM("adam", 0.001, Schedule.CONSTANT),
  RMSPROP("rmsprop", 1e-4, Schedule.CONSTANT);

  private final String id;
  private final double defaultLearningRate;
  private final Schedule defaultSchedule;

  StepKind(String id, double defaultLearningRate, Schedule defaultSchedule) {
    this.id = id;
    this.defaultLearningRate = defaultLearningRate;
    this.defaultSchedule = defaultSchedule;
  }

  public String id() {
    return id;
  }

  public double defaultLearningRate() {
    return defaultLearningRate;
  }

  public Schedule defaultSchedule() {
    return defaultSchedule;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(StepKind::id).toList();
  }

  public static StepKind byId(String id) {
    for (StepKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }

  /** The settings of this step rule with a one-line description each. */
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lr", "learning rate, > 0 (default " + defaultLearningRate + ")");
    m.put(
        "schedule",
        "learning-rate schedule: "
            + String.join(" | ", Schedule.ids())
            + " (default "
            + defaultSchedule.id()
            + ")");
    m.put("decay", "inverse-time decay, >= 0 (default lr / epochs); only with inverse_time");
    switch (this) {
      case SGD -> {
        m.put("momentum", "momentum in [0, 1) (default 0.9)");
        m.put("nesterov", "Nesterov momentum, true | false (default false)");
      }
      case ADAM -> {
        m.put("beta1", "decay of the first moment, in [0, 1) (default 0.9)");
        m.put("beta2", "decay of the second moment, in [0, 1) (default 0.999)");
        m.put("eps", "added to the root of the second moment, > 0 (default 1e-7)");
      }
      case RMSPROP -> {
        m.put("rho", "decay of the mean square, in [0, 1) (default 0.9)");
        m.put("eps", "added to the root mean square, > 0 (default 1e-7)");
      }
    }
    return m;
  }

  /** The settings of every step rule together, for optimizers that let the user pick one. */
  public static Map<String, String> allSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    for (StepKind k : values()) {
      k.settings().forEach((key, text) -> m.putIfAbsent(key, text));
    }
    m.put("lr", "learning rate, > 0 (default 0.01 for sgd, 0.001 for adam, 0.0001 for rmsprop)");
    m.put(
        "schedule",
        "learning-rate schedule: "
            + String.join(" | ", Schedule.ids())
            + " (default inverse_time for sgd, constant otherwise)");
    m.put("eps", "adam, rmsprop: added to the root of the second moment, > 0 (default 1e-7)");
    return m;
  }
}
