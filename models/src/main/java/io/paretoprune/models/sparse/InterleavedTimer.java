package io.paretoprune.models.sparse;

import java.util.Arrays;
import java.util.List;

/**
 * Times several ways of doing one thing in turns: each round runs a block of calls of every
 * candidate, and each candidate's figure is its fastest block's milliseconds per call. On a shared
 * machine a block is often descheduled for tens of milliseconds, which only ever adds time, so the
 * fastest of many short blocks estimates the cost of the work itself (medians measured on a 2-core
 * machine at load 8 swung 100x between runs). Interleaving keeps the candidates under the same
 * load, so their ratios hold; absolute times still move with the load. Written by hand because JMH
 * runs in its own forked JVMs, which a command that times a loaded model cannot use.
 */
public final class InterleavedTimer {
  private InterleavedTimer() {}

  /**
   * @param candidates what to time
   * @param rounds rounds of blocks
   * @param blockMillis the least time one block of calls should take; calls per block follow from
   *     the warm-up
   * @return the fastest block's milliseconds per call of each candidate, in order
   */
  public static double[] fastest(List<Runnable> candidates, int rounds, double blockMillis) {
    double[][] samples = samples(candidates, rounds, blockMillis);
    double[] out = new double[samples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Arrays.stream(samples[i]).min().orElseThrow();
    }
    return out;
  }

  /**
   * Every block's milliseconds per call, {@code [candidate][round]}. Odd rounds run the candidates
   * in reverse order, so that none always runs first after the others have filled the caches.
   */
  public static double[][] samples(List<Runnable> candidates, int rounds, double blockMillis) {
    int n = candidates.size();
    int[] calls = new int[n];
    for (int i = 0; i < n; i++) {
      Runnable r = candidates.get(i);
      // Warm-up: at least 5 calls and 30 ms, so that C2 has compiled the kernels' loops.
      long start = System.nanoTime();
      int done = 0;
      while (done < 5 || System.nanoTime() - start < 30_000_000L) {
        r.run();
        done++;
      }
      double perCall = (System.nanoTime() - start) / 1e6 / done;
      calls[i] = (int) Math.max(1, Math.ceil(blockMillis / Math.max(perCall, 1e-6)));
    }
    double[][] samples = new double[n][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int j = 0; j < n; j++) {
        int i = round % 2 == 0 ? j : n - 1 - j;
        Runnable r = candidates.get(i);
        long t0 = System.nanoTime();
        for (int c = 0; c < calls[i]; c++) {
          r.run();
        }
        samples[i][round] = (System.nanoTime() - t0) / 1e6 / calls[i];
      }
    }
    return samples;
  }

  /** The median of one candidate's samples. */
  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
