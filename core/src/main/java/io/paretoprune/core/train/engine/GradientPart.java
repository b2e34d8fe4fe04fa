package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;

/**
 * A gradient on the range {@code [from, to)} of the flat parameter array (the last axis of {@code
 * values}): an analytic penalty's gradient on the dense kernels, say, kept apart from autograd's
 * full-size gradient so that no full-size array is built for it.
 */
record GradientPart(long from, long to, NDArray values) {}
