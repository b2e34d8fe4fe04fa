package io.paretoprune.core.engine;

import ai.djl.engine.Engine;
import java.util.SplittableRandom;

/**
 * One seed, one run: the engine's generator (initial weights, dropout) and the Java generator
 * (shuffling) both derive from it.
 */
public final class Seeds {
  private Seeds() {}

  /** Seeds the engine's random generator; call right before initialising a model. */
  public static void seedEngine(long seed) {
    Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
  }

  /**
   * The engine seed of one epoch of a run, so that dropout in an epoch does not depend on whether
   * the run was interrupted before it (a resumed run cannot read back the engine's generator).
   */
  public static int engineSeed(long seed, int epoch) {
    long mixed = new SplittableRandom(seed * 1_000_003L + epoch).nextLong();
    return (int) (mixed ^ (mixed >>> 32));
  }

  /** A permutation of {@code 0..n-1} drawn from {@code random} (Fisher-Yates). */
  public static long[] permutation(int n, SplittableRandom random) {
    long[] p = new long[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
