package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's HTML page: head and style, then its sections in order (summary, the suite's figures,
 * where each method lands, the Pareto search, the runs). Every string from a config or a CSV passes
 * through {@link Html#esc}.
 */
final class ReportPage {
  private static final String CSS = resource("report.css");

  private final ReportInputs in;
  private final FigureHtml figures;
  private final Instant when;

  ReportPage(ReportInputs in, FigureHtml figures, Instant when) {
    this.in = in;
    this.figures = figures;
    this.when = when;
  }

  String html() {
    SuiteResults r = in.suite();
    ParetoResults pareto = in.pareto();
    StringBuilder h = new StringBuilder();
    String name = r != null ? r.suite() : pareto.name();
    h.append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>")
        .append("<meta name=viewport content=\"width=device-width, initial-scale=1\">")
        .append("<title>ParetoPrune report: ")
        .append(Html.esc(name))
        .append("</title>")
        .append("<style>")
        .append(CSS)
        .append("</style></head><body>\n");
    h.append(r != null ? "<h1>Suite <span class=suite>" : "<h1>Pareto search <span class=suite>")
        .append(Html.esc(name))
        .append("</span></h1>\n");
    h.append("<p class=meta>")
        .append(Html.esc(r != null ? describe(r) : SearchSentences.describe(pareto)))
        .append(" · report written ")
        .append(Html.esc(when.toString()))
        .append("</p>\n");
    if (r != null) {
      new SummarySection(r, in.palette()).append(h);
      h.append("<h2>Figures</h2>\n");
      figures.append(h, ReportFigure.Section.SUITE);
    }
    if (in.landing() != null) {
      LandingSection.append(h, in.landing(), in.palette(), figures);
    }
    if (pareto != null) {
      ParetoSection.append(h, pareto, figures);
    }
    if (r != null) {
      RunsSection.append(h, r.manifests(), "Runs");
    }
    if (pareto != null) {
      List<JsonNode> runs = new ArrayList<>(pareto.manifests());
      if (pareto.knee() != null) {
        runs.add(pareto.knee().manifest());
      }
      RunsSection.append(h, runs, r != null ? "Runs of the Pareto search" : "Runs");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String describe(SuiteResults r) {
    if (r.manifests().isEmpty()) {
      return r.summary().rowCount() + " runs";
    }
    JsonNode m = r.manifests().get(0);
    return m.path("dataset").asText()
        + " · "
        + m.path("model").asText()
        + " · "
        + m.path("epochs").asText()
        + " epochs · batch "
        + m.path("batchSize").asText()
        + " · pruning "
        + m.path("pruning").asText()
        + " · "
        + r.summary().rowCount()
        + " runs";
  }

  private static String resource(String name) {
    try (InputStream s = ReportPage.class.getResourceAsStream(name)) {
      return new String(s.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(name + " in the reporting jar", e);
    }
  }
}
