package io.paretoprune.models.sparse;

/** One dense layer {@code y = K x + bias} on feature-major activations ({@link FeatureMajor}). */
interface DenseLayerKernel {
  /** A short name for tables: {@code csr}, {@code csr-parallel}, {@code dense}. */
  String name();

  /**
   * @param x {@code x[in][batch]}
   * @return {@code y[out][batch]}, new arrays
   */
  float[][] apply(float[][] x, int batch);
}
