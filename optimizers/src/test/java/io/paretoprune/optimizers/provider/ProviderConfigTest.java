package io.paretoprune.optimizers.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.Optimizers;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad setting of every built-in optimizer is a ConfigException naming its key. */
class ProviderConfigTest {
  private static final Optimizers OPTIMIZERS = Optimizers.load();
  private static final TrainingSchedule RUN = new TrainingSchedule(30, 100);

  /** Settings that make each optimizer valid for 3 objectives, plus {@code extra}. */
  private static PluginSettings settings(String optimizer, Object... extra) {
    Map<String, Object> m = new HashMap<>();
    if (optimizer.equals("weighted")) {
      m.put("weights", List.of(1, 3e-4, 0));
    }
    for (int i = 0; i < extra.length; i += 2) {
      m.put((String) extra[i], extra[i + 1]);
    }
    return new PluginSettings(m);
  }

  private static ConfigException fails(String optimizer, int objectives, Object... extra) {
    return assertThrows(
        ConfigException.class,
        () -> OPTIMIZERS.create(optimizer, settings(optimizer, extra), RUN, objectives));
  }

  private static void failsOn(String key, String optimizer, Object... extra) {
    ConfigException e = fails(optimizer, 3, extra);
    assertEquals(key, e.key(), e.getMessage());
    assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"smgd", "madam", "mrmsprop", "weighted", "sgd", "adam", "rmsprop", "split"})
  void everyOptimizerIsValidWithItsDefaults(String name) {
    assertEquals(name, OPTIMIZERS.get(name).name());
    OPTIMIZERS.create(name, settings(name), RUN, 3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"smgd", "madam", "mrmsprop", "weighted", "sgd", "adam", "rmsprop", "split"})
  void unknownKeyIsNamedWithTheKnownOnes(String name) {
    ConfigException e = fails(name, 3, "lerning_rate", 0.1);
    assertEquals("lerning_rate", e.key());
    assertTrue(e.getMessage().contains("known: "), e.getMessage());
    assertTrue(e.getMessage().contains("lr"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"smgd", "madam", "mrmsprop", "weighted", "sgd", "adam", "rmsprop", "split"})
  void learningRateMustBeAPositiveNumber(String name) {
    failsOn("lr", name, "lr", "fast");
    failsOn("lr", name, "lr", List.of(0.1));
    failsOn("lr", name, "lr", 0);
    failsOn("lr", name, "lr", -0.01);
    failsOn("lr", name, "lr", Double.NaN);
    failsOn("lr", name, "lr", 1e300);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"smgd", "madam", "mrmsprop", "weighted", "sgd", "adam", "rmsprop", "split"})
  void scheduleAndDecayAreChecked(String name) {
    failsOn("schedule", name, "schedule", "cosine");
    failsOn("decay", name, "schedule", "inverse_time", "decay", -1);
    failsOn("decay", name, "schedule", "inverse_time", "decay", "slow");
    failsOn("decay", name, "schedule", "constant", "decay", 0.001);
    failsOn("decay", name, "schedule", "logistic", "decay", 0.001);
  }

  @ParameterizedTest
  @ValueSource(strings = {"smgd", "madam", "mrmsprop", "weighted", "sgd", "adam", "rmsprop"})
  void zeroObjectivesIsRefused(String name) {
    ConfigException e = fails(name, 0);
    assertTrue(e.getMessage().contains("objective"), e.getMessage());
  }

  @Test
  void sgdSettingsAreChecked() {
    for (String name : List.of("smgd", "sgd")) {
      failsOn("momentum", name, "momentum", 1.0);
      failsOn("momentum", name, "momentum", -0.5);
      failsOn("momentum", name, "momentum", "high");
      failsOn("nesterov", name, "nesterov", "yes");
      failsOn("nesterov", name, "nesterov", 1);
    }
  }

  @Test
  void adamSettingsAreChecked() {
    for (String name : List.of("madam", "adam")) {
      failsOn("beta1", name, "beta1", 1.0);
      failsOn("beta2", name, "beta2", 1.5);
      failsOn("beta2", name, "beta2", "x");
      failsOn("eps", name, "eps", 0);
      failsOn("eps", name, "eps", -1e-8);
    }
  }

  @Test
  void rmspropSettingsAreChecked() {
    for (String name : List.of("mrmsprop", "rmsprop")) {
      failsOn("rho", name, "rho", -0.1);
      failsOn("rho", name, "rho", 1);
      failsOn("eps", name, "eps", 0);
    }
  }

  @Test
  void aStepRulesSettingIsUnknownToAnotherStepRule() {
    // Fixed step rules only declare their own keys.
    assertEquals("beta1", fails("smgd", 3, "beta1", 0.9).key());
    assertEquals("momentum", fails("madam", 3, "momentum", 0.9).key());
    assertEquals("rho", fails("sgd", 3, "rho", 0.9).key());
    // With a chosen step rule the message says whose setting it is.
    ConfigException e = fails("weighted", 3, "step", "sgd", "beta1", 0.9);
    assertEquals("beta1", e.key());
    assertTrue(e.getMessage().contains("step adam"), e.getMessage());
    assertEquals("momentum", fails("split", 3, "step", "rmsprop", "momentum", 0.9).key());
    assertEquals("eps", fails("split", 3, "eps", 1e-7).key()); // step defaults to sgd
  }

  @Test
  void stepMustBeAKnownRule() {
    failsOn("step", "weighted", "step", "adagrad");
    failsOn("step", "split", "step", List.of("sgd"));
  }

  @Test
  void weightsAreChecked() {
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> OPTIMIZERS.create("weighted", PluginSettings.empty(), RUN, 2));
    assertEquals("weights", missing.key());
    failsOn("weights", "weighted", "weights", "1, 3e-4, 0");
    failsOn("weights[1]", "weighted", "weights", List.of(1, "a", 0));
    failsOn("weights[0]", "weighted", "weights", List.of(-1, 1, 0));
    failsOn("weights[2]", "weighted", "weights", List.of(1, 1, Double.NaN));
    failsOn("weights", "weighted", "weights", List.of(0, 0, 0));
    failsOn("normalize", "weighted", "normalize", "sometimes");
    failsOn("weights[1]", "sgd", "weights", List.of(1, Double.POSITIVE_INFINITY, 0));
  }

  @Test
  void weightsMustMatchTheObjectiveCount() {
    ConfigException e = fails("weighted", 2); // three weights, two objectives
    assertEquals("weights", e.key());
    assertTrue(e.getMessage().contains("3 entries but the problem has 2"), e.getMessage());
    assertEquals("weights", fails("adam", 3, "weights", List.of(1, 0)).key());
  }

  @Test
  void splitNeedsThreeObjectives() {
    for (int k : new int[] {1, 2, 4}) {
      ConfigException e = fails("split", k);
      assertNull(e.key());
      assertTrue(e.getMessage().contains("exactly 3 objectives"), e.getMessage());
      assertTrue(e.getMessage().endsWith("has " + k), e.getMessage());
    }
  }

  @Test
  void unknownOptimizerListsTheKnownOnes() {
    ConfigException e = assertThrows(ConfigException.class, () -> OPTIMIZERS.get("sgdm"));
    for (String name : List.of("smgd", "madam", "weighted", "split")) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  @Test
  void everyProviderDescribesItsSettings() {
    assertEquals(
        List.of(
            "adam",
            "combine",
            "madam",
            "madam-combined",
            "mrmsprop",
            "rmsprop",
            "sgd",
            "smgd",
            "split",
            "weighted"),
        OPTIMIZERS.all().stream().map(p -> p.name()).toList());
    OPTIMIZERS
        .all()
        .forEach(
            p -> {
              assertTrue(p.settings().containsKey("lr"), p.name());
              assertTrue(!p.description().isBlank(), p.name());
              p.settings().values().forEach(d -> assertTrue(!d.isBlank(), p.name()));
            });
    assertTrue(
        OPTIMIZERS
            .get("weighted")
            .settings()
            .keySet()
            .containsAll(Arrays.asList("weights", "step")));
  }
}
