package io.paretoprune.experiments.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress bars for the suite and the runs in flight. On a terminal the line is redrawn in place;
 * otherwise (CI, a pipe) a line is printed only when an epoch or a run ends.
 */
final class SuiteProgress {
  private final PrintStream out;
  private final boolean live;
  private final int total;
  private int finished;
  private final Map<String, long[]> running = new TreeMap<>();

  SuiteProgress(PrintStream out, int total, int alreadyDone) {
    this.out = out;
    this.live = System.console() != null;
    this.total = total;
    this.finished = alreadyDone;
  }

  synchronized void started(String runId, int epochs) {
    running.put(runId, new long[] {0, epochs});
    draw();
  }

  synchronized void epoch(String runId, int epoch, String line) {
    long[] s = running.get(runId);
    if (s != null) {
      s[0] = epoch;
    }
    if (!live) {
      out.println("  " + runId + ": " + line);
    }
    draw();
  }

  synchronized void finished(String runId, String status) {
    running.remove(runId);
    finished++;
    if (live) {
      out.print("\r\033[K");
    }
    out.printf(Locale.ROOT, "[%d/%d] %s %s%n", finished, total, runId, status);
    draw();
  }

  private void draw() {
    if (!live) {
      return;
    }
    StringBuilder s =
        new StringBuilder("\r\033[K")
            .append(bar(finished, total, 20))
            .append(' ')
            .append(finished)
            .append('/')
            .append(total);
    for (Map.Entry<String, long[]> e : running.entrySet()) {
      long[] v = e.getValue();
      s.append("  ").append(e.getKey()).append(' ').append(bar(v[0], Math.max(1, v[1]), 10));
    }
    out.print(s);
    out.flush();
  }

  static String bar(long done, long all, int width) {
    int filled = (int) Math.min(width, Math.round((double) done / all * width));
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
