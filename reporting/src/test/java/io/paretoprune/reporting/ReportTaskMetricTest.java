package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A results folder whose task.json names a lower-is-better primary metric (a speech task's word
 * error rate): the report's axes, tables, captions, figure names and the landing numbers follow it.
 *
 * <p>The numbers mirror ReportLandingTest's with WER = 1 - accuracy: front A (WER 0.10, 100
 * nonzeros), B (0.05, 300), C (0.02, 800), knee B; M1 (mean WER 0.03, 200 nonzeros) is ahead of the
 * front by 4.36564 points, M2 (0.07, 500) behind by 3.19425. Were higher counted as better, M1
 * would lie behind and M2 ahead.
 */
class ReportTaskMetricTest {
  @TempDir Path tmp;

  static final String TASK =
      "{\"task\": \"speech-recognition\", \"metrics\": ["
          + "{\"name\": \"wer\", \"label\": \"WER\", \"higher_is_better\": false, \"min\": 0.0,"
          + " \"max\": \"Infinity\"},"
          + "{\"name\": \"cer\", \"label\": \"CER\", \"higher_is_better\": false, \"min\": 0.0}]}";

  static Path suite(Path root) throws Exception {
    Path dir = root.resolve("speech");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("task.json"), TASK);
    String head =
        "run_id,label,optimizer,pruning,seed,status,epochs,diverged_at_epoch,test_wer,"
            + "train_wer,test_cer,dense_nonzeros,dense_size,dense_sparsity,wall_seconds\n";
    Files.writeString(
        dir.resolve("summary.csv"),
        head
            + "M1-s1,M1,smgd,threshold,1,completed,3,0,0.04,0.03,0.02,150,1000,0.85,1\n"
            + "M1-s2,M1,smgd,threshold,2,completed,3,0,0.02,0.01,0.01,250,1000,0.75,1\n"
            + "M2-s1,M2,madam,threshold,1,completed,3,0,0.08,0.07,0.04,450,1000,0.55,1\n"
            + "M2-s2,M2,madam,threshold,2,completed,3,0,0.06,0.05,0.03,550,1000,0.45,1\n");
    for (String id : new String[] {"M1-s1", "M1-s2"}) {
      Path run = dir.resolve("runs").resolve(id);
      Files.createDirectories(run);
      Files.writeString(
          run.resolve("manifest.json"),
          "{\"runId\": \""
              + id
              + "\", \"label\": \"M1\", \"seed\": 1, \"status\": \"completed\","
              + " \"dataset\": \"mnist\", \"model\": \"lenet5\", \"objectives\": [\"ctc\", \"f2\"]}");
      Files.writeString(
          run.resolve("epochs.csv"),
          "run_id,label,seed,epoch,train_ctc,test_ctc,train_wer,test_wer,dense_nonzeros\n"
              + id
              + ",M1,1,1,2.0,2.1,0.30,0.35,600\n"
              + id
              + ",M1,1,2,1.0,1.1,0.10,0.12,300\n");
      Files.writeString(
          run.resolve("layers.csv"),
          "run_id,label,seed,epoch,parameter,kind,size,nonzeros,sparsity,l1\n"
              + id
              + ",M1,1,1,dense1.weight,DENSE_KERNEL,1000,600,0.4,1\n");
    }
    Path p = dir.resolve("pareto");
    Files.createDirectories(p);
    Files.writeString(
        p.resolve("pareto.csv"),
        "search,order,c1,c2,f1,f2,dominated,knee_paper,knee_chord,test_wer,dense_nonzeros\n"
            + "sweep,1,0.99,0.01,0.30,10,false,false,false,0.10,100\n"
            + "sweep,2,0.999,0.001,0.15,30,false,false,true,0.05,300\n"
            + "sweep,3,0.9999,0.0001,0.06,80,false,true,false,0.02,800\n");
    Files.writeString(p.resolve("pareto.json"), "{\"search\": \"sweep\", \"knee\": \"chord\"}");
    return dir;
  }

  @Test
  void aLowerIsBetterMetricIsOnTheAxesInTheCaptionsAndCountedLowerAsBetter() throws Exception {
    Path dir = suite(tmp);
    String html = Files.readString(ReportWriter.write(dir));
    Table t = Table.read().csv(dir.resolve("report/landing.csv").toFile());
    assertEquals("M1", t.getString(0, "label"));
    assertEquals(0.03, t.numberColumn("test_wer_mean").getDouble(0), 1e-12);
    assertEquals(0.017, t.numberColumn("hv_contribution").getDouble(0), 1e-12);
    assertEquals(-4.36564, t.numberColumn("distance_to_front_pp").getDouble(0), 1e-5);
    assertEquals(10.19804, t.numberColumn("distance_to_knee_pp").getDouble(0), 1e-5);
    assertEquals(-2.0, t.numberColumn("wer_minus_knee_pp").getDouble(0), 1e-9);
    assertEquals("false", t.getString(0, "dominated_by_front"));
    assertEquals(0, t.numberColumn("hv_contribution").getDouble(1), 1e-12);
    assertEquals(3.19425, t.numberColumn("distance_to_front_pp").getDouble(1), 1e-5);
    assertEquals("true", t.getString(1, "dominated_by_front"));
    // WER's interval is cut to [0, +inf): 0.03 +- 12.7062 * 0.01414 loses its lower end only
    assertEquals(0, t.numberColumn("test_wer_ci_low").getDouble(0), 1e-12);
    assertEquals(0.03 + 0.127062, t.numberColumn("test_wer_ci_high").getDouble(0), 1e-5);
    assertFalse(t.containsColumn("test_accuracy_mean"));

    // Figures are named after the metric, and nothing says accuracy.
    for (String f :
        new String[] {"wer", "wer-vs-nonzeros", "landing", "pareto-objectives", "pareto-wer"}) {
      assertTrue(html.contains("id=\"fig-" + f + "\""), f);
      assertTrue(Files.isRegularFile(dir.resolve("report/figures/" + f + ".svg")), f);
    }
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("accuracy"), html);
    assertTrue(html.contains("<th>test WER</th>"), html);
    assertTrue(html.contains("Train (solid) and test (dotted) WER per epoch"));
    assertTrue(html.contains("Final test WER against the dense nonzeros of every run."));
    assertTrue(
        html.contains(
            "Test WER against dense nonzeros (log scale): the weighted-sum front as a line through"
                + " its points not dominated in (WER, nonzeros)"),
        html);
    assertTrue(html.contains("The WER axis is inverted (lower is better), so better is up."));
    assertTrue(html.contains("<th>WER − knee's (pp)</th>"), html);
    assertTrue(html.contains("(dense nonzeros / 1,000, test WER), both minimised"), html);
    assertTrue(html.contains("reference point (1, 1) (every dense weight kept, WER 1)"), html);
    // the landing table: M1 ahead, M2 behind (lower WER is better)
    assertTrue(html.contains("-4.37 <span class=ci>ahead</span>"), html);
    assertTrue(html.contains("3.19 <span class=ci>behind</span>"), html);
    // no reference row of the original code: it is an accuracy target
    assertFalse(html.contains("reference lines of the original code"));
    String svg = Files.readString(dir.resolve("report/figures/pareto-wer.svg"));
    assertTrue(svg.contains("Pareto front of the search: test WER against dense nonzeros"), svg);
    assertFalse(svg.contains("collapsed"), "WER has no finite worst value, nothing collapses");
    String curves = Files.readString(dir.resolve("report/figures/wer.svg"));
    assertTrue(curves.contains(">WER (train solid, test dotted; band: min-max over seeds)<"));

    // The figures that show the metric against nonzeros run it downwards: better is up.
    ParetoResults p = ParetoResults.read(dir);
    assertTrue(new ParetoFigures(p).metric().getXYPlot().getRangeAxis().isInverted());
  }

  @Test
  void unboundedRangesMayBeOmittedNullOrInfinity() throws Exception {
    Files.writeString(
        tmp.resolve("task.json"),
        "{\"task\": \"t\", \"metrics\": ["
            + "{\"name\": \"a\", \"label\": \"a\", \"higher_is_better\": false, \"min\": 0,"
            + " \"max\": Infinity},"
            + "{\"name\": \"b\", \"label\": \"b\", \"higher_is_better\": true, \"max\": null},"
            + "{\"name\": \"c\", \"label\": \"c\", \"higher_is_better\": true,"
            + " \"min\": \"-Infinity\", \"max\": 1}]}");
    ResultsTask t = ResultsTask.read(tmp);
    assertEquals("a", t.primary().name());
    assertEquals(Double.POSITIVE_INFINITY, t.metrics().get(0).max());
    assertEquals(Double.NEGATIVE_INFINITY, t.metrics().get(1).min());
    assertEquals(Double.POSITIVE_INFINITY, t.metrics().get(1).max());
    assertEquals(Double.NEGATIVE_INFINITY, t.metrics().get(2).min());
  }

  @Test
  void aFolderWithoutTaskJsonIsAccuracy() throws Exception {
    Path dir = ResultsFixture.write(tmp, "old", false);
    assertEquals(ResultsTask.CLASSIFICATION, ResultsTask.read(dir));
    SuiteResults r = SuiteResults.read(dir);
    assertEquals("test_accuracy", r.metric().testColumn());
  }

  @Test
  void aBrokenTaskJsonIsOneLineNamingTheFileAndKey() throws Exception {
    Path dir = suite(tmp);
    Path task = dir.resolve("task.json");
    String[][] cases = {
      {"{broken", ": not valid JSON"},
      {"{\"metrics\": []}", ": 'task' must be the task's name"},
      {"{\"task\": \"s\", \"metrics\": []}", ": 'metrics' must be a non-empty list"},
      {
        "{\"task\": \"s\", \"metrics\": [{\"name\": \"wer\", \"label\": \"WER\"}]}",
        ": metrics[0].higher_is_better must be true or false"
      },
      {
        "{\"task\": \"s\", \"metrics\": [{\"name\": \"wer\", \"label\": \"WER\","
            + " \"higher_is_better\": false, \"min\": \"zero\"}]}",
        ": metrics[0].min must be a number"
      },
      {
        "{\"task\": \"s\", \"metrics\": [{\"name\": \"wer\", \"label\": \"WER\","
            + " \"higher_is_better\": false, \"min\": 2, \"max\": 1}]}",
        ": metrics[0]: metric 'wer': min 2.0 must be below max 1.0"
      },
      {
        "{\"task\": \"s\", \"metrics\": [{\"name\": \"loss\", \"label\": \"L\","
            + " \"higher_is_better\": false}]}",
        ": metrics[0].name 'loss' is the name of another figure"
      },
    };
    for (String[] c : cases) {
      Files.writeString(task, c[0]);
      ReportException e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
      assertTrue(e.getMessage().startsWith(task + c[1]), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
    // a task.json whose metric summary.csv does not have
    Files.writeString(task, TASK.replace("\"wer\"", "\"per\""));
    ReportException e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
    assertEquals(dir.resolve("summary.csv") + ": column 'test_per' is missing", e.getMessage());
  }

  @Test
  void aFrontInAnotherMetricIsRefused() throws Exception {
    Path dir = suite(tmp);
    Path front = ReportLandingTest.front(tmp.resolve("acc")); // no task.json: accuracy
    ReportException e = assertThrows(ReportException.class, () -> ReportWriter.write(dir, front));
    assertTrue(
        e.getMessage()
            .startsWith(
                front.toAbsolutePath().normalize().resolve("task.json")
                    + ": the front is measured in accuracy, the suite in wer"),
        e.getMessage());
  }
}
