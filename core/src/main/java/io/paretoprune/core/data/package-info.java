/**
 * Datasets: readers for the IDX (MNIST, Fashion-MNIST) and CIFAR-10 binary formats that check every
 * header before allocating, descriptors for the known data sets, and the conversion of images into
 * normalised NDArrays the trainer slices batches from.
 */
package io.paretoprune.core.data;
