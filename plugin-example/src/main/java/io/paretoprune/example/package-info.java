/**
 * An example optimizer plug-in built against the public seam only ({@link
 * io.paretoprune.optimizers.OptimizerProvider}), registered by its own {@code META-INF/services}
 * line and found by name at run time.
 */
package io.paretoprune.example;
