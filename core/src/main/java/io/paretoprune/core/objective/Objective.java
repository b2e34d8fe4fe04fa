package io.paretoprune.core.objective;

import io.paretoprune.core.param.ParameterSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One objective of the training problem: an optional data loss plus analytic penalties.
 *
 * <p>The paper's pair is {@code f1 = crossEntropy().plus(new L2Penalty(convKernels, 1e-4))} and
 * {@code f2 = l1(denseKernels)}.
 *
 * @param name short name used in results, e.g. {@code f1}
 * @param loss the autograd part, empty for pure penalties
 * @param penalties analytic terms
 */
public record Objective(String name, Optional<LossTerm> loss, List<Penalty> penalties) {
  public Objective {
    penalties = List.copyOf(penalties);
    if (loss.isEmpty() && penalties.isEmpty()) {
      throw new IllegalArgumentException("objective '" + name + "' has no term");
    }
  }

  public static Objective crossEntropy(String name) {
    return new Objective(name, Optional.of(new CrossEntropy()), List.of());
  }

  /** The L1 norm of the selected parameters, unscaled (the paper's f2 on dense kernels). */
  public static Objective l1(String name, ParameterSelector selector) {
    return new Objective(name, Optional.empty(), List.of(new L1Penalty(selector, 1.0)));
  }

  /** The squared L2 norm of the selected parameters, unscaled. */
  public static Objective l2(String name, ParameterSelector selector) {
    return new Objective(name, Optional.empty(), List.of(new L2Penalty(selector, 1.0)));
  }

  /** This objective with one more penalty term. */
  public Objective plus(Penalty penalty) {
    List<Penalty> all = new ArrayList<>(penalties);
    all.add(penalty);
    return new Objective(name, loss, all);
  }

  public boolean needsAutograd() {
    return loss.isPresent();
  }
}
