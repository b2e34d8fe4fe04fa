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
