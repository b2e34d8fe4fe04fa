package io.paretoprune.reporting;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * Axes whose tick labels read like a paper's: plain numbers at 1-2-5 steps ({@code 0.002}, {@code
 * 20,000}), never {@code 10^-3.55} or {@code 1.0E-5}; values below 0.001 on a log axis read {@code
 * 5e-4}. Epoch axes have whole-number ticks only.
 */
final class Axes {
  private Axes() {}

  /** A linear axis with 1-2-5 tick steps and plain labels. */
  static NumberAxis linear(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setStandardTickUnits(new PlainTickUnits(false));
    a.setAutoRangeIncludesZero(false);
    return a;
  }

  /** An axis of whole numbers (epochs): ticks at 1, 2, 5, 10, 20, ... steps, never between. */
  static NumberAxis integer(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setStandardTickUnits(new PlainTickUnits(true));
    a.setAutoRangeIncludesZero(false);
    return a;
  }

  /** A log axis with ticks at 1, 2 and 5 times powers of ten (fewer when it spans many decades). */
  static LogAxis log(String label) {
    return new PlainLogAxis(label);
  }

  /**
   * Nice values in [lo, hi] for a log axis: 1-2-5 per decade over up to 2.5 decades, powers of ten
   * over more (every second or fifth power over very many), plain 1-2-5 steps inside one decade
   * when fewer than three of those fall in range.
   */
  static List<Double> logTicks(double lo, double hi) {
    List<Double> out = new ArrayList<>();
    if (!(lo > 0) || !(hi > lo)) {
      return out;
    }
    double decades = Math.log10(hi / lo);
    double[] mantissas = decades <= 2.5 ? new double[] {1, 2, 5} : new double[] {1};
    int every = decades <= 8 ? 1 : decades <= 16 ? 2 : 5;
    int first = (int) Math.floor(Math.log10(lo));
    int last = (int) Math.ceil(Math.log10(hi));
    for (int p = first; p <= last; p++) {
      if (Math.floorMod(p, every) != 0) {
        continue;
      }
      for (double m : mantissas) {
        double v = round(m * Math.pow(10, p));
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
          out.add(v);
        }
      }
    }
    if (out.size() < 3) {
      // A narrow range: linear 1-2-5 steps of about a fifth of it.
      double step = niceStep((hi - lo) / 5);
      out.clear();
      for (double v = Math.ceil(lo / step) * step; v <= hi * (1 + 1e-9); v += step) {
        out.add(round(v));
      }
    }
    return out;
  }

  /** The 1-2-5 step at or above {@code rough}. */
  static double niceStep(double rough) {
    double p = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= rough * (1 - 1e-9)) {
        return round(m * p);
      }
    }
    return round(10 * p);
  }

  private static double round(double v) {
    return new BigDecimal(v).round(new MathContext(12)).doubleValue();
  }

  /**
   * A tick value as a plain number: {@code 0.002}, {@code 0.5}, {@code 5,000}; below 0.001 (and
   * from a million up) as mantissa and exponent, {@code 5e-4}, {@code 2e6}.
   */
  static String plain(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return v == 0 ? "0" : Double.toString(v);
    }
    double a = Math.abs(v);
    BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    if (a < 1e-3 || a >= 1e6) {
      int exp = b.precision() - b.scale() - 1;
      BigDecimal mant = b.movePointLeft(exp).stripTrailingZeros();
      return mant.toPlainString() + "e" + exp;
    }
    if (a >= 1e3 && b.scale() <= 0) {
      return String.format(Locale.ROOT, "%,d", b.longValueExact());
    }
    return b.toPlainString();
  }

  /** Plain labels for a linear axis: as many decimals as the tick step needs, grouped thousands. */
  static final class PlainFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final double step;
    private final DecimalFormat format;

    PlainFormat(double step) {
      this.step = step;
      int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
      DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
      f.setMinimumFractionDigits(decimals);
      f.setMaximumFractionDigits(decimals);
      this.format = f;
    }

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
      return format.format(Math.abs(v) < step * 1e-6 ? 0.0 : v, to, pos);
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
      return format.format(v, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      return format.parse(source, pos);
    }
  }

  /** Tick steps 1, 2, 5 times powers of ten (whole numbers only for an integer axis). */
  static final class PlainTickUnits implements TickUnitSource, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final boolean integers;

    PlainTickUnits(boolean integers) {
      this.integers = integers;
    }

    private TickUnit unit(double size) {
      double s = integers ? Math.max(1, size) : size;
      return new NumberTickUnit(s, new PlainFormat(s));
    }

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
      return unit(niceStep(unit.getSize() * 1.0001));
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
      return unit(niceStep(unit.getSize()));
    }

    /**
     * The axis asks for the step at which tick labels would just touch; twice that leaves a label's
     * worth of white space between them.
     */
    @Override
    public TickUnit getCeilingTickUnit(double size) {
      if (!(size > 0) || Double.isInfinite(size)) {
        return unit(1);
      }
      return unit(niceStep(2 * size));
    }
  }

  /** A log axis that draws its ticks at {@link #logTicks} with {@link #plain} labels. */
  static final class PlainLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    PlainLogAxis(String label) {
      super(label);
      setSmallestValue(1e-300);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
      TextAnchor anchor =
          edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
      return ticks(anchor);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
      TextAnchor anchor =
          edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
      return ticks(anchor);
    }

    private List<NumberTick> ticks(TextAnchor anchor) {
      List<NumberTick> out = new ArrayList<>();
      for (double v : logTicks(getLowerBound(), getUpperBound())) {
        out.add(new NumberTick(TickType.MAJOR, v, plain(v), anchor, TextAnchor.CENTER, 0));
      }
      return out;
    }
  }

  /**
   * A linear axis over log10 of a value (a colour scale's), ticked and labelled in the value
   * itself: {@code 1e-5}, {@code 1e-4}, {@code 0.001}, ...
   */
  static final class Log10ValueAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    Log10ValueAxis(String label) {
      super(label);
      setAutoRangeIncludesZero(false);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
      return ticks(edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
      return ticks(edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    private List<NumberTick> ticks(TextAnchor anchor) {
      List<NumberTick> out = new ArrayList<>();
      double lo = Math.pow(10, getLowerBound());
      double hi = Math.pow(10, getUpperBound());
      for (double v : logTicks(lo, hi)) {
        out.add(
            new NumberTick(TickType.MAJOR, Math.log10(v), plain(v), anchor, TextAnchor.CENTER, 0));
      }
      return out;
    }
  }
}
