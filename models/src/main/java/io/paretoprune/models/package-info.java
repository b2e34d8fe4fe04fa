/**
 * The model seam ({@link io.paretoprune.models.ModelFactory}) and {@link
 * io.paretoprune.models.ModelZoo}, which builds a named model and initialises it as Keras does
 * (Glorot-uniform kernels, zero biases), seeded so that every optimizer of one seed starts from the
 * same weights.
 */
package io.paretoprune.models;
