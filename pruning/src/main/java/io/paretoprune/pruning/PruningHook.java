package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.train.seam.HookContext;
import io.paretoprune.core.train.seam.StepHook;
import java.util.List;
import java.util.Objects;

/**
 * Applies a {@link PruningStrategy} to the selected parameters once before training (step 0) and
 * after every optimizer step, following a {@link PruningSchedule}.
 *
 * <p>At a pruning event the strategy computes a mask {@code M} from the current weights. Under
 * {@link Regrowth#REGROW} the hook sets {@code w <- w * M} and forgets {@code M}. Under {@link
 * Regrowth#FIXED} it keeps the accumulated mask {@code A <- A * M} and, after <em>every</em> step
 * (event or not), sets {@code w <- w * A} and multiplies the step rule's state for {@code w} by
 * {@code A}, so a pruned weight neither moves nor keeps momentum.
 *
 * <p>Cost: temporaries live in one {@link NDScope} per call; nothing is copied to the host; a step
 * that is no event under {@code regrow} does no engine work at all.
 */
public final class PruningHook implements StepHook {
  private final PruningStrategy strategy;
  private final ParameterSelector selector;
  private final PruningSchedule schedule;
  private final Regrowth regrowth;
  private final long seed;
  private ParameterCatalog catalog;
  private List<ParameterRef> targets;
  private Mask fixed;

  public PruningHook(
      PruningStrategy strategy,
      ParameterSelector selector,
      PruningSchedule schedule,
      Regrowth regrowth) {
    this(strategy, selector, schedule, regrowth, 0);
  }

  /**
   * @param seed the run's seed, handed to the strategy in every {@link PruningContext}
   */
  public PruningHook(
      PruningStrategy strategy,
      ParameterSelector selector,
      PruningSchedule schedule,
      Regrowth regrowth,
      long seed) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.selector = Objects.requireNonNull(selector, "selector");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.regrowth = Objects.requireNonNull(regrowth, "regrowth");
    this.seed = seed;
  }

  /** This hook for the run with this seed (a new hook, nothing trained yet). */
  public PruningHook withSeed(long runSeed) {
    return new PruningHook(strategy, selector, schedule, regrowth, runSeed);
  }

  /** The run's seed its strategy sees in {@link PruningContext#seed()}. */
  public long seed() {
    return seed;
  }

  public PruningStrategy strategy() {
    return strategy;
  }

  public ParameterSelector selector() {
    return selector;
  }

  public PruningSchedule schedule() {
    return schedule;
  }

  public Regrowth regrowth() {
    return regrowth;
  }

  /** Starts afresh on the context's network and prunes if step 0 is an event. */
  @Override
  public void beforeTraining(HookContext context) {
    reset(context.parameters());
    prune(context);
  }

  @Override
  public void afterStep(HookContext context) {
    if (context.parameters() != catalog) {
      reset(context.parameters());
    }
    prune(context);
  }

  /** Under {@code fixed}, the accumulated mask (one array per target, named by it). */
  @Override
  public NDList saveState() {
    NDList out = new NDList();
    if (fixed != null) {
      for (int i = 0; i < fixed.size(); i++) {
        NDArray k = fixed.keep(i).duplicate();
        k.setName(fixed.name(i));
        out.add(k);
      }
    }
    return out;
  }

  /** Takes back the accumulated mask; the weights were saved already pruned. */
  @Override
  public void resume(HookContext context, NDList state) {
    reset(context.parameters());
    if (!state.isEmpty()) {
      List<String> names = new java.util.ArrayList<>();
      List<NDArray> keep = new java.util.ArrayList<>();
      for (NDArray a : state) {
        names.add(a.getName());
        keep.add(a);
      }
      fixed = new Mask(names, keep);
    }
  }

  private void prune(HookContext context) {
    boolean event = schedule.prunesAt(context.step());
    if (!event && (regrowth == Regrowth.REGROW || fixed == null)) {
      return;
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      if (event && regrowth == Regrowth.REGROW) {
        // One pass over a flat view of all targets when the trainer keeps them side by side.
        java.util.Optional<ai.djl.ndarray.NDArray> all = context.contiguous(targets);
        if (all.isPresent()) {
          ai.djl.ndarray.NDArray keep = strategy.elementwiseKeep(all.get());
          if (keep != null) {
            all.get().muli(keep);
            return;
          }
        }
      }
      if (event) {
        double target = schedule.targetAt(context.step(), context.totalSteps());
        Mask m =
            strategy.computeMask(
                targets, fixed, new PruningContext(context.step(), context.epoch(), target, seed));
        if (regrowth == Regrowth.REGROW) {
          m.applyTo(targets);
          return;
        }
        if (fixed == null) {
          fixed = m.detach();
        } else {
          fixed.retain(m);
        }
      }
      fixed.applyTo(targets);
      for (int i = 0; i < targets.size(); i++) {
        context.stepRuleState().mask(targets.get(i).id(), fixed.keep(i));
      }
    }
  }

  private void reset(ParameterCatalog parameters) {
    if (fixed != null) {
      fixed.close();
      fixed = null;
    }
    List<ParameterRef> selected = parameters.select(selector);
    if (selected.isEmpty()) {
      throw new ConfigException(
          "on",
          "'"
              + selector
              + "' selects no parameter of the network; it has "
              + String.join(", ", parameters.all().stream().map(ParameterRef::name).toList()));
    }
    strategy.prepare(parameters, selected);
    catalog = parameters;
    targets = selected;
  }
}
