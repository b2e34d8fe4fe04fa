package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import io.paretoprune.core.engine.Seeds;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.train.seam.HookContext;
import io.paretoprune.core.train.seam.StepRuleState;

/** Small networks, hand-made parameters and hook contexts for the pruning tests. */
public final class Fixtures {
  private Fixtures() {}

  /** Dense layers {@code in -> units[0] -> ... } with ReLUs between, Glorot-initialised. */
  public static SequentialBlock dense(NDManager m, long seed, int in, int... units) {
    SequentialBlock net = new SequentialBlock();
    for (int i = 0; i < units.length; i++) {
      if (i > 0) {
        net.add(Activation.reluBlock());
      }
      net.add(Linear.builder().setUnits(units[i]).build());
    }
    net.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3),
        Parameter.Type.WEIGHT);
    Seeds.seedEngine(seed);
    net.initialize(m, DataType.FLOAT32, new Shape(1, in));
    return net;
  }

  /** A stand-alone parameter holding {@code values}. */
  public static ParameterRef ref(String layer, String role, ParameterKind kind, NDArray values) {
    Parameter p =
        Parameter.builder()
            .setName(role)
            .setType(role.equals("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
            .build();
    p.setArray(values);
    return new ParameterRef(layer, role, kind, p);
  }

  public static HookContext context(ParameterCatalog c, long step, long totalSteps) {
    return context(c, step, totalSteps, StepRuleState.NONE);
  }

  public static HookContext context(
      ParameterCatalog c, long step, long totalSteps, StepRuleState state) {
    return new HookContext(c, step, step == 0 ? 0 : 1, (int) totalSteps, totalSteps, state);
  }

  /** Entries equal to 0. */
  public static long zeros(NDArray a) {
    return a.size() - a.countNonzero().getLong();
  }

  /** Entries equal to 0 over the parameters. */
  public static long zeros(Iterable<ParameterRef> ps) {
    long z = 0;
    for (ParameterRef p : ps) {
      z += zeros(p.array());
    }
    return z;
  }
}
