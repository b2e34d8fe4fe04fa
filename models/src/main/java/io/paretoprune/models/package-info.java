/**
 * The model seam and zoo: {@link io.paretoprune.models.ModelFactory} plug-ins build DJL blocks,
 * {@link io.paretoprune.models.ModelZoo} finds them and initialises what they build (Keras
 * defaults, seeded) into a {@link io.paretoprune.models.Network}. Subpackages: {@code nets} (the
 * paper's LeNet-5 and VGG-like net, an MLP), {@code store} (saving and loading trained networks),
 * {@code sparse} (CSR export of the dense layers and sparse inference).
 */
package io.paretoprune.models;
