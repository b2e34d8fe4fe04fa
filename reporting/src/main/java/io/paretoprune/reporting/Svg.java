package io.paretoprune.reporting;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/** Renders a chart as an SVG document with JFreeSVG, in the report's house style. */
final class Svg {
  static final int WIDTH = 640;
  static final int HEIGHT = 400;

  private Svg() {}

  static String render(JFreeChart chart) {
    style(chart);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement();
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    // Room on the right for the last tick label of the x axis ("60,000" was cut off).
    chart.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 14));
    Font title = new Font("SansSerif", Font.BOLD, 15);
    Font axis = new Font("SansSerif", Font.PLAIN, 13);
    Font ticks = new Font("SansSerif", Font.PLAIN, 11);
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(title);
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(ticks);
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    if (chart.getPlot() instanceof XYPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(new Color(0xdddddd));
      p.setRangeGridlinePaint(new Color(0xdddddd));
      p.setOutlineVisible(false);
      p.getDomainAxis().setLabelFont(axis);
      p.getRangeAxis().setLabelFont(axis);
      p.getDomainAxis().setTickLabelFont(ticks);
      p.getRangeAxis().setTickLabelFont(ticks);
    }
  }
}
