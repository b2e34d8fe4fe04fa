/**
 * Sparse inference for pruned networks: the dense layers exported as {@link
 * io.paretoprune.models.sparse.CsrMatrix} kernels and run in plain Java ({@link
 * io.paretoprune.models.sparse.SparseDenseHead}), the convolutional part in DJL ({@link
 * io.paretoprune.models.sparse.SparseNetwork}).
 */
package io.paretoprune.models.sparse;
