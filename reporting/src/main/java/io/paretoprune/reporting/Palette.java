package io.paretoprune.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;

/**
 * One colour per optimizer across every figure: Okabe-Ito's eight, then six of Paul Tol's muted
 * scheme (both safe for colour-blind readers), so that a suite of up to 14 optimizers (the
 * combiners suites have 10) never shows two in one colour.
 */
final class Palette {
  private static final Color[] COLORS = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
    new Color(0x882255), new Color(0x44AA99), new Color(0x999933), new Color(0x332288),
    new Color(0xAA4499), new Color(0x888888)
  };

  /** How many optimizers get a colour of their own. */
  static final int DISTINCT = COLORS.length;

  static final Stroke SOLID = new BasicStroke(1.8f);
  static final Stroke THIN = new BasicStroke(1.2f);
  static final Stroke DOTTED =
      new BasicStroke(
          1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 4f}, 0f);
  static final Stroke[] LAYER_STROKES = {
    SOLID,
    new BasicStroke(
        1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 4f}, 0f),
    DOTTED,
    new BasicStroke(
        1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 3f, 2f, 3f}, 0f)
  };

  private final List<String> labels;

  Palette(List<String> labels) {
    this.labels = labels;
  }

  Color of(String label) {
    int i = labels.indexOf(label);
    return COLORS[Math.floorMod(i, COLORS.length)];
  }

  static String hex(Color c) {
    return String.format("#%06x", c.getRGB() & 0xffffff);
  }
}
