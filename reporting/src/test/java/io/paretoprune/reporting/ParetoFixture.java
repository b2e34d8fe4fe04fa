package io.paretoprune.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a small Pareto search's results as {@code pareto} writes them (docs/results-format.md):
 * seven weightings, one dominated in (f1, f2), one collapsed (accuracy 0.1135); the chord knee at
 * c2 = 1e-4, the paper's at c2 = 3e-4; optionally the retrained knee's run.
 */
final class ParetoFixture {
  /** c2, f1, f2, test accuracy, dense nonzeros, dominated, knee_paper, knee_chord. */
  static final Object[][] POINTS = {
    {0.0, 0.050, 3800.0, 0.988, 53000.0, false, false, false},
    {1e-5, 0.052, 2500.0, 0.9878, 40000.0, false, false, false},
    {1e-4, 0.060, 900.0, 0.986, 12000.0, false, false, true},
    {3e-4, 0.075, 500.0, 0.984, 4000.0, false, true, false},
    {5e-4, 0.090, 600.0, 0.980, 5000.0, true, false, false},
    {1e-3, 0.120, 200.0, 0.975, 1500.0, false, false, false},
    {0.1, 2.3019, 0.0009, 0.1135, 14.0, false, false, false},
  };

  private ParetoFixture() {}

  /**
   * Writes {@code root/name/pareto/}; {@code knee} is the rule in pareto.json ({@code null}: not
   * recorded), {@code retrained} adds the knee's run of 3 epochs.
   */
  static Path write(Path root, String name, String knee, boolean retrained) throws IOException {
    Path dir = root.resolve(name);
    Path p = dir.resolve("pareto");
    Files.createDirectories(p.resolve("runs"));
    StringBuilder csv =
        new StringBuilder(
            "search,order,c1,c2,f1,f2,dominated,knee_paper,knee_chord,test_accuracy,dense_nonzeros\n");
    int order = 0;
    for (Object[] q : POINTS) {
      double c2 = (double) q[0];
      csv.append(
          String.format(
              Locale.ROOT,
              "sweep,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
              ++order,
              1 - c2,
              c2,
              q[1],
              q[2],
              q[5],
              q[6],
              q[7],
              q[3],
              q[4]));
      run(p.resolve("runs"), "ws", c2, 1, (double) q[3], (double) q[4]);
    }
    Files.writeString(p.resolve("pareto.csv"), csv);
    String retrainedJson = "";
    if (retrained) {
      run(p.resolve("runs"), "knee", 1e-4, 3, 0.9885, 9000);
      retrainedJson =
          ", \"retrained\": {\"rule\": \""
              + (knee == null ? "chord" : knee)
              + "\", \"point\": {\"c1\": 0.9999, \"c2\": 1.0E-4, \"f1\": 0.04, \"f2\": 800,"
              + " \"payload\": {\"test_accuracy\": 0.9885, \"dense_nonzeros\": 9000}}, \"epochs\": 3}";
    }
    String kneeJson = knee == null || retrained ? "" : ", \"knee\": \"" + knee + "\"";
    Files.writeString(
        p.resolve("pareto.json"),
        "{\"search\": \"sweep\", \"evaluations\": 7, \"hypervolume\": 8765.4,"
            + " \"reference\": [2.53, 4180.0], \"knee_paper\": null, \"knee_chord\": null,"
            + " \"front\": []"
            + kneeJson
            + retrainedJson
            + "}");
    return dir;
  }

  private static void run(Path runs, String prefix, double c2, int epochs, double acc, double nz)
      throws IOException {
    String id = String.format(Locale.ROOT, "%s-c2_%.6g-s1", prefix, c2);
    Path run = runs.resolve(id);
    Files.createDirectories(run);
    Files.writeString(
        run.resolve("manifest.json"),
        String.format(
            Locale.ROOT,
            "{\"runId\": \"%s\", \"suite\": \"pareto-demo\", \"label\": \"%s\", \"optimizer\":"
                + " \"weighted\", \"optimizerSettings\": {\"weights\": [%s, %s]},"
                + " \"pruning\": \"threshold\", \"model\": \"lenet5\", \"dataset\": \"mnist\","
                + " \"seed\": 1, \"epochs\": %d, \"batchSize\": 32, \"objectives\": [\"f1\","
                + " \"f2\"], \"status\": \"completed\", \"divergedAtEpoch\": 0, \"message\": \"\","
                + " \"configHash\": \"0123456789abcdef\", \"wallSeconds\": 3.5,"
                + " \"versions\": {}, \"gitCommit\": \"abcdef0123456789\"}",
            id,
            id.replace("-s1", ""),
            1 - c2,
            c2,
            epochs));
    StringBuilder e =
        new StringBuilder(
            "run_id,label,seed,epoch,train_f1,test_f1,train_f2,test_f2,train_accuracy,"
                + "test_accuracy,dense_nonzeros,dense_size,steps,seconds\n");
    for (int ep = 1; ep <= epochs; ep++) {
      double a = acc - 0.01 * (epochs - ep);
      double n = nz * (1 + 0.5 * (epochs - ep));
      e.append(
          String.format(
              Locale.ROOT,
              "%s,%s,1,%d,0.1,0.1,900,900,%.4f,%.4f,%.0f,59134,100,1.0%n",
              id,
              id.replace("-s1", ""),
              ep,
              a + 0.005,
              a,
              n));
    }
    Files.writeString(run.resolve("epochs.csv"), e);
  }
}
