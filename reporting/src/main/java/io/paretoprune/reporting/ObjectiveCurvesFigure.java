package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.stats.MetricSpec;

/** The first objective per epoch of every optimizer: train solid, test dotted. */
final class ObjectiveCurvesFigure {
  static final String NAME = "loss";

  private ObjectiveCurvesFigure() {}

  /** Null without epochs.csv rows. */
  static ReportFigure of(ReportInputs in) {
    if (!in.hasEpochs()) {
      return null;
    }
    String first = firstObjective(in.suite());
    // Image classification's data loss is cross-entropy; another task's is its own.
    String what =
        in.metric().equals(MetricSpec.ACCURACY)
            ? "cross-entropy plus its conv L2 term"
            : "the task's data loss plus its penalties";
    return new ReportFigure(
        NAME,
        ReportFigure.Section.SUITE,
        "Train (solid) and test (dotted) value of the first objective (" + what + ").",
        new Figures(in.suite(), in.palette())
            .curves(
                "train_" + first,
                "test_" + first,
                "Objective " + first + " (train solid, test dotted)",
                first));
  }

  /** The first objective's name in the runs' manifests, else {@code f1}. */
  static String firstObjective(SuiteResults r) {
    for (JsonNode m : r.manifests()) {
      JsonNode o = m.get("objectives");
      if (o != null && o.size() > 0) {
        return o.get(0).asText();
      }
    }
    return "f1";
  }
}
