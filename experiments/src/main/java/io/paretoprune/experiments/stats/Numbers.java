package io.paretoprune.experiments.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short number formatting for notes (4 significant digits, no exponent, no trailing zeros). */
final class Numbers {
  private Numbers() {}

  static String format(double x) {
    if (!Double.isFinite(x)) {
      return String.valueOf(x);
    }
    return BigDecimal.valueOf(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
