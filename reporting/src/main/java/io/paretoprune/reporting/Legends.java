package io.paretoprune.reporting;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import org.jfree.chart.LegendItem;

/** Legend entries drawn the way the figures draw their series. */
final class Legends {
  private Legends() {}

  /** "SMGD (5 seeds)", "SMGD (1 seed)". */
  static String seeds(String label, int n) {
    return label + " (" + n + (n == 1 ? " seed)" : " seeds)");
  }

  static LegendItem line(String text, Paint paint, Stroke stroke) {
    return new LegendItem(text, null, null, null, new Line2D.Double(-10, 0, 10, 0), stroke, paint);
  }

  static LegendItem marker(String text, Paint paint) {
    return shape(text, new Ellipse2D.Double(-4, -4, 8, 8), paint, true);
  }

  /** A filled or hollow shape. */
  static LegendItem shape(String text, Shape shape, Paint paint, boolean filled) {
    LegendItem item =
        new LegendItem(
            text,
            null,
            null,
            null,
            true,
            shape,
            filled,
            paint,
            !filled,
            paint,
            Palette.THIN,
            false,
            new Line2D.Double(-10, 0, 10, 0),
            Palette.SOLID,
            Color.BLACK);
    return item;
  }

  /** A shape with a line through it (a series drawn as a line with markers). */
  static LegendItem lineAndShape(String text, Shape shape, Paint paint, Stroke stroke) {
    return new LegendItem(
        text,
        null,
        null,
        null,
        true,
        shape,
        true,
        paint,
        false,
        paint,
        Palette.THIN,
        true,
        new Line2D.Double(-10, 0, 10, 0),
        stroke,
        paint);
  }
}
