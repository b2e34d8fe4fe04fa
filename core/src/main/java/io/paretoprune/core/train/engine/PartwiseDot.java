package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * The dot product of two gradients that are each an optional full array plus {@link GradientPart}s:
 * the full arrays against each other, each full array against the other's parts, and every pair of
 * overlapping parts on their overlap. The lone trainer's vectors and the packed trainer's {@code
 * [runs, P]} rows share this bookkeeping and differ only in how they slice and multiply ({@link
 * Algebra}).
 */
final class PartwiseDot {
  /** How one kind of gradient array is sliced along its parameter axis and multiplied. */
  interface Algebra {
    NDArray slice(NDArray a, long from, long to);

    NDArray dot(NDArray a, NDArray b);
  }

  private PartwiseDot() {}

  /** {@code a . b}, or null when no range of theirs overlaps (the product is then 0). */
  static NDArray of(
      NDArray aFull,
      List<GradientPart> aParts,
      NDArray bFull,
      List<GradientPart> bParts,
      Algebra algebra) {
    List<NDArray> terms = new ArrayList<>();
    if (aFull != null && bFull != null) {
      terms.add(algebra.dot(aFull, bFull));
    }
    if (aFull != null) {
      for (GradientPart q : bParts) {
        terms.add(algebra.dot(algebra.slice(aFull, q.from(), q.to()), q.values()));
      }
    }
    if (bFull != null) {
      for (GradientPart p : aParts) {
        terms.add(algebra.dot(algebra.slice(bFull, p.from(), p.to()), p.values()));
      }
    }
    for (GradientPart p : aParts) {
      for (GradientPart q : bParts) {
        long from = Math.max(p.from(), q.from());
        long to = Math.min(p.to(), q.to());
        if (from < to) {
          terms.add(
              algebra.dot(
                  algebra.slice(p.values(), from - p.from(), to - p.from()),
                  algebra.slice(q.values(), from - q.from(), to - q.from())));
        }
      }
    }
    if (terms.isEmpty()) {
      return null;
    }
    return terms.size() == 1 ? terms.get(0) : NDArrays.add(terms.toArray(new NDArray[0]));
  }
}
