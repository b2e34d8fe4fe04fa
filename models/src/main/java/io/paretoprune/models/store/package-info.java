/**
 * Saving and loading trained networks: DJL's parameter file plus a JSON manifest (model, settings,
 * input spec, per-parameter sparsity, checksum, versions), written atomically, read back through
 * the zoo with one clear error naming the file when something is missing or broken.
 */
package io.paretoprune.models.store;
