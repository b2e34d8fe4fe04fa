/**
 * Pruning during training, after PyTorch's {@code torch.nn.utils.prune}: a {@link
 * io.paretoprune.pruning.PruningStrategy} computes a {@link io.paretoprune.pruning.Mask} (kept
 * apart from the weights) from the current values; a {@link io.paretoprune.pruning.PruningHook}
 * applies it before training and after every optimizer step as a {@link
 * io.paretoprune.pruning.PruningSchedule} says, under a {@link io.paretoprune.pruning.Regrowth}
 * policy. Strategies are plug-ins ({@link io.paretoprune.pruning.PruningProvider}, found by {@link
 * io.paretoprune.pruning.PruningStrategies}); {@link io.paretoprune.pruning.SparsityReport} sums
 * the trainer's per-parameter sparsity per layer and per selection.
 */
package io.paretoprune.pruning;
