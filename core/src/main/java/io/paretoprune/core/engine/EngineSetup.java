package io.paretoprune.core.engine;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine without any network access.
 *
 * <p>The native library comes from the {@code pytorch-native-cpu} jar on the classpath; DJL's
 * offline switch makes a missing library an error instead of a download attempt.
 */
public final class EngineSetup {
  private EngineSetup() {}

  /** Turns DJL's offline mode on and returns the PyTorch engine. */
  public static Engine pytorchOffline() {
    System.setProperty("ai.djl.offline", "true");
    if (System.getProperty("ai.djl.default_engine") == null) {
      System.setProperty("ai.djl.default_engine", "PyTorch");
    }
    return Engine.getEngine("PyTorch");
  }

  /**
   * Sets PyTorch's intra-op thread count. Must run before the engine executes its first operator; 0
   * leaves the engine's default.
   */
  public static void setThreads(int threads) {
    if (threads > 0) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }

  /**
   * Which malloc this process runs with: {@code jemalloc} when preloaded (the launcher does so when
   * it is installed), else {@code glibc}. Step times depend on it, so manifests and benchmarks say.
   */
  public static String allocator() {
    String preload = System.getenv("LD_PRELOAD");
    return preload != null && preload.contains("jemalloc") ? "jemalloc" : "glibc";
  }
}
