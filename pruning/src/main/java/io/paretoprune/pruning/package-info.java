/**
 * Pruning during training, after PyTorch's {@code torch.nn.utils.prune}: a {@link
 * io.paretoprune.pruning.PruningRule} computes keep-masks from the current weights, a {@link
 * io.paretoprune.pruning.PruningSchedule} says when and how much, and a {@link
 * io.paretoprune.pruning.PruningHook} applies them after every step with a regrowth policy. Pruning
 * never learns which optimizer ran.
 */
package io.paretoprune.pruning;
