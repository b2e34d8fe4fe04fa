/**
 * Stable names for a network's parameters ({@code conv1.weight}, {@code dense2.bias}) and the
 * selectors and groups that objectives, optimizers and pruning address them by.
 */
package io.paretoprune.core.param;
