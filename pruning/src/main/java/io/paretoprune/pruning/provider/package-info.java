/**
 * The pruning plug-ins registered in {@code
 * META-INF/services/io.paretoprune.pruning.PruningProvider}: {@code threshold} (the paper's),
 * {@code magnitude}, {@code random}, {@code units}, {@code n-of-m} and {@code none}, with the
 * reading of their shared settings.
 */
package io.paretoprune.pruning.provider;
