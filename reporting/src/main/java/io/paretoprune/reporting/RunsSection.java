package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A table of runs from their manifests: id, optimizer, seed, status, config hash, commit. */
final class RunsSection {
  private RunsSection() {}

  static void append(StringBuilder h, List<JsonNode> manifests, String title) {
    if (manifests.isEmpty()) {
      return;
    }
    h.append("<h2>")
        .append(Html.esc(title))
        .append("</h2>\n<table class=runs><thead><tr><th>run</th><th>optimizer</th><th>seed</th>")
        .append(
            "<th>status</th><th>epochs</th><th>wall s</th><th>config</th><th>commit</th><th>versions</th></tr></thead><tbody>\n");
    for (JsonNode m : manifests) {
      String status = m.path("status").asText();
      if (status.equals("diverged")) {
        status += " at epoch " + m.path("divergedAtEpoch").asText();
      }
      h.append("<tr><td>")
          .append(Html.esc(m.path("runId").asText()))
          .append("</td><td>")
          .append(Html.esc(m.path("label").asText()))
          .append("</td><td>")
          .append(Html.esc(m.path("seed").asText()))
          .append("</td><td>")
          .append(Html.esc(status))
          .append("</td><td>")
          .append(Html.esc(m.path("epochs").asText()))
          .append("</td><td>")
          .append(Html.num(m.path("wallSeconds").asDouble(), 1))
          .append("</td><td><code>")
          .append(Html.esc(prefix(m.path("configHash").asText())))
          .append("</code></td><td><code>")
          .append(Html.esc(prefix(m.path("gitCommit").asText())))
          .append("</code></td><td>")
          .append(Html.esc(m.path("versions").toString()))
          .append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static String prefix(String s) {
    return s.length() > 10 ? s.substring(0, 10) : s;
  }
}
