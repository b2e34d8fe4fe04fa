/**
 * The shared shape of every plug-in seam (optimizers, pruning strategies, models): a {@link
 * io.paretoprune.core.plugin.Plugin} found by {@link java.util.ServiceLoader}, named by a short id
 * in suites, configured from a map of settings whose unknown or ill-typed keys are errors.
 */
package io.paretoprune.core.plugin;
