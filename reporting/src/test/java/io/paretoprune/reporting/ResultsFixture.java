package io.paretoprune.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a plausible results directory in the documented format (docs/results-format.md). */
final class ResultsFixture {
  static final String EVIL = "<script>alert(1)</script>";

  private ResultsFixture() {}

  static Path write(Path root, String suite, boolean pareto) throws IOException {
    Path dir = root.resolve(suite);
    Path runs = dir.resolve("runs");
    StringBuilder summary =
        new StringBuilder(
            "run_id,label,optimizer,pruning,seed,status,epochs,"
                + "diverged_at_epoch,test_accuracy,train_accuracy,test_f1,test_f2,dense_nonzeros,dense_size,"
                + "dense_sparsity,dense_l1,wall_seconds\n");
    String[] labels = {"SMGD", EVIL};
    for (int li = 0; li < labels.length; li++) {
      for (int seed = 1; seed <= 3; seed++) {
        String label = labels[li];
        String id = (li == 0 ? "SMGD" : "evil") + "-s" + seed;
        boolean diverged = li == 1 && seed == 3;
        Path run = runs.resolve(id);
        Files.createDirectories(run);
        StringBuilder e =
            new StringBuilder(
                "run_id,label,seed,epoch,train_f1,test_f1,train_f2,test_f2,"
                    + "train_accuracy,test_accuracy,dense_nonzeros,dense_size,steps,seconds,w_all_f1_mean,"
                    + "w_all_f1_min,w_all_f1_max,w_all_f2_mean,w_all_f2_min,w_all_f2_max,dnorm_all_mean,stationary_all\n");
        StringBuilder l =
            new StringBuilder("run_id,label,seed,epoch,parameter,kind,size,nonzeros,sparsity,l1\n");
        int epochs = diverged ? 2 : 4;
        double acc = 0;
        long nz = 0;
        for (int ep = 1; ep <= epochs; ep++) {
          acc = 0.9 + 0.02 * ep - 0.005 * li + 0.001 * seed;
          nz = 50000 - 10000L * ep - 2000L * li + 37 * seed;
          double c2 = 1e-4 * (1 + 0.3 * ep + li);
          e.append(
              String.format(
                  Locale.ROOT,
                  "%s,\"%s\",%d,%d,%.4f,%.4f,%.1f,%.1f,%.4f,%.4f,%d,59134,900,4.2,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,0.05,0%n",
                  id,
                  label.replace("\"", "\"\""),
                  seed,
                  ep,
                  0.5 / ep,
                  0.55 / ep,
                  3000.0 / ep,
                  3000.0 / ep,
                  acc + 0.01,
                  acc,
                  nz,
                  1 - c2,
                  1 - 2 * c2,
                  1.0,
                  c2,
                  0.0,
                  2 * c2));
          long[] parts = {nz * 8 / 10, nz / 10, nz / 10};
          long[] sizes = {48120, 10164, 850};
          for (int k = 0; k < 3; k++) {
            l.append(
                String.format(
                    Locale.ROOT,
                    "%s,\"%s\",%d,%d,dense%d.weight,DENSE_KERNEL,%d,%d,%.4f,%.2f%n",
                    id,
                    label,
                    seed,
                    ep,
                    k + 1,
                    sizes[k],
                    parts[k],
                    1 - (double) parts[k] / sizes[k],
                    parts[k] * 0.01));
            l.append(
                String.format(
                    Locale.ROOT,
                    "%s,\"%s\",%d,%d,dense%d.bias,DENSE_BIAS,10,7,0.3,0.1%n",
                    id,
                    label,
                    seed,
                    ep,
                    k + 1));
          }
        }
        Files.writeString(run.resolve("epochs.csv"), e);
        Files.writeString(run.resolve("layers.csv"), l);
        Files.writeString(
            run.resolve("manifest.json"),
            String.format(
                Locale.ROOT,
                "{\"runId\":\"%s\",\"suite\":\"%s\",\"label\":%s,\"optimizer\":\"smgd\",\"pruning\":\"threshold\","
                    + "\"model\":\"lenet5\",\"dataset\":\"mnist\",\"seed\":%d,\"epochs\":4,\"batchSize\":64,"
                    + "\"objectives\":[\"f1\",\"f2\"],\"status\":\"%s\",\"divergedAtEpoch\":%d,\"message\":\"\","
                    + "\"configHash\":\"0123456789abcdef\",\"wallSeconds\":12.5,\"startedAt\":\"2026-11-25T03:00:00Z\","
                    + "\"versions\":{\"djl\":\"0.36.0\"},\"gitCommit\":\"abcdef0123456789\"}",
                id,
                suite,
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(label),
                seed,
                diverged ? "diverged" : "completed",
                diverged ? 3 : 0));
        summary.append(
            String.format(
                Locale.ROOT,
                "%s,\"%s\",smgd,threshold,%d,%s,%d,%d,%.4f,%.4f,0.2,700,%d,59134,%.4f,800,12.5%n",
                id,
                label,
                seed,
                diverged ? "diverged" : "completed",
                epochs,
                diverged ? 3 : 0,
                acc,
                acc + 0.01,
                nz,
                1 - nz / 59134.0));
      }
    }
    Files.writeString(dir.resolve("summary.csv"), summary);
    if (pareto) {
      Files.createDirectories(dir.resolve("pareto"));
      Files.writeString(
          dir.resolve("pareto/pareto.csv"),
          """
          search,order,c1,c2,f1,f2,dominated,knee_paper,knee_chord,test_accuracy,dense_nonzeros
          bisection,1,1.0,0.0,0.05,9000,false,false,false,0.99,40000
          bisection,2,0.9,0.1,0.30,300,false,false,false,0.96,800
          bisection,3,0.95,0.05,0.12,900,false,true,true,0.985,3000
          bisection,4,0.975,0.025,0.15,2000,true,false,false,0.98,9000
          """);
      Files.writeString(
          dir.resolve("pareto/pareto.json"),
          "{\"hypervolume\": 1234.5, \"reference\": [1.0, 10000]}");
    }
    return dir;
  }
}
