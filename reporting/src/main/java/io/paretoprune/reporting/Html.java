package io.paretoprune.reporting;

import java.util.Locale;

/** HTML text escaping and number formatting for the report. */
final class Html {
  private Html() {}

  /** Escapes text for element content and quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Four significant digits, plain ({@code 1235}, {@code 0.0171}); a dash for NaN. */
  static String sig(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** "Accuracy" from "accuracy": a label at the start of a title. */
  static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String num(double v, int digits) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  static String ci(double mean, double lo, double hi, int digits) {
    if (Double.isNaN(lo)) {
      return num(mean, digits);
    }
    return num(mean, digits)
        + " <span class=ci>["
        + num(lo, digits)
        + ", "
        + num(hi, digits)
        + "]</span>";
  }
}
