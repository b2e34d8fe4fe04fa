package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;

/** The sentences that describe a Pareto search, shared by its figures' captions and its section. */
final class SearchSentences {
  private SearchSentences() {}

  /** " Ring: ... Hypervolume ...": the caption's tail of a search figure. */
  static String kneeAndHypervolume(ParetoResults p) {
    String c = " " + knee(p);
    String hv = hypervolume(p);
    return hv.isEmpty() ? c : c + " Hypervolume " + hv + ".";
  }

  /**
   * " Each point is the mean of its weighting's 3 seeds ...", or "" for a search of one seed per
   * weighting.
   */
  static String seeds(ParetoResults p) {
    int n = p.seedsPerWeighting();
    if (n <= 1) {
      return "";
    }
    return " Each point is the mean of its weighting's "
        + n
        + " seeds, with its 95% t intervals as bars on both axes, and the faint small points are"
        + " the seeds' own runs; the front and the knees are those of the means.";
  }

  /** Which knee is ringed and which squared, and which rule the search used. */
  static String knee(ParetoResults p) {
    if (p.points().stream().noneMatch(q -> q.kneeChord() || q.kneePaper())) {
      return "The search marked no knee (its front has too few points).";
    }
    String rule = p.kneeRule();
    if (rule == null) {
      return "Knees: ring, chord rule; square, paper rule (the results do not say which the search"
          + " used).";
    }
    return "Ring: the knee by the "
        + rule
        + " rule, which the search used ("
        + p.kneeRuleSource()
        + "); square: the knee by the other rule, where it differs.";
  }

  /** "1775 with reference point (f1, f2) = (2.532, 4088)", or "" without pareto.json. */
  static String hypervolume(ParetoResults p) {
    JsonNode info = p.info();
    if (info == null || !info.hasNonNull("hypervolume")) {
      return "";
    }
    String s = Html.sig(info.get("hypervolume").asDouble());
    JsonNode ref = info.get("reference");
    if (ref != null && ref.isArray() && ref.size() == 2) {
      s +=
          " with reference point (f1, f2) = ("
              + Html.sig(ref.get(0).asDouble())
              + ", "
              + Html.sig(ref.get(1).asDouble())
              + ")";
    }
    return s;
  }

  /**
   * "sweep search · mnist · lenet5 · batch 32 · pruning threshold · 7 weightings of 1 epoch each".
   */
  static String describe(ParetoResults p) {
    JsonNode info = p.info();
    StringBuilder b = new StringBuilder();
    String search = info != null && info.hasNonNull("search") ? info.get("search").asText() : "";
    if (!search.isEmpty()) {
      b.append(search).append(" search · ");
    }
    if (!p.manifests().isEmpty()) {
      JsonNode m = p.manifests().get(0);
      b.append(m.path("dataset").asText())
          .append(" · ")
          .append(m.path("model").asText())
          .append(" · batch ")
          .append(m.path("batchSize").asText())
          .append(" · pruning ")
          .append(m.path("pruning").asText())
          .append(" · ");
    }
    int epochs = p.searchEpochs();
    b.append(p.points().size()).append(" weightings");
    if (p.seedsPerWeighting() > 1) {
      b.append(" x ").append(p.seedsPerWeighting()).append(" seeds");
    }
    if (epochs > 0) {
      b.append(" of ").append(epochs).append(epochs == 1 ? " epoch each" : " epochs each");
    }
    return b.toString();
  }
}
