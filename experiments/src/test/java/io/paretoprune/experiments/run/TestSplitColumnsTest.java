package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.train.checkpoint.TrainerSnapshot;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import io.paretoprune.core.train.result.TestSplitMetrics;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Further test splits in a run's epoch rows: their columns in epochs.csv, and kept by an epoch
 * checkpoint, so that a resumed run's rows still carry them.
 */
class TestSplitColumnsTest {
  @TempDir Path tmp;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static EpochMetrics epoch(int e, Map<String, TestSplitMetrics> extra) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("wer", 0.5 / e);
    metrics.put("cer", 0.25 / e);
    return new EpochMetrics(
        e,
        List.of("f1", "f2"),
        new double[] {3.0, 1.0},
        new double[] {3.5, 1.0},
        metrics,
        metrics,
        List.of(),
        List.of(new LayerStats("dense1.weight", "DENSE_KERNEL", 10, 7, 2.0)),
        4,
        1.5,
        extra);
  }

  private static Map<String, TestSplitMetrics> splits(int e) {
    Map<String, TestSplitMetrics> extra = new LinkedHashMap<>();
    extra.put(
        "flite",
        new TestSplitMetrics(
            new double[] {4.0 + e, 1.0}, new LinkedHashMap<>(Map.of("wer", 0.6, "cer", 0.3))));
    extra.put(
        "real",
        new TestSplitMetrics(
            new double[] {6.0 + e, 1.0}, new LinkedHashMap<>(Map.of("wer", 0.9, "cer", 0.7))));
    return extra;
  }

  @Test
  void epochsCsvHasEachSplitsMetricsThenObjectivesAfterTheTestSplitsOnes() {
    Table t = RunTables.epochs("r-s1", "R", 1, List.of(epoch(1, splits(1)), epoch(2, splits(2))));
    List<String> names = t.columnNames();
    int at = names.indexOf("test_cer");
    assertEquals(
        List.of(
            "test_flite_wer",
            "test_flite_cer",
            "test_flite_f1",
            "test_flite_f2",
            "test_real_wer",
            "test_real_cer",
            "test_real_f1",
            "test_real_f2",
            "dense_nonzeros"),
        names.subList(at + 1, at + 10));
    assertEquals(0.9, t.doubleColumn("test_real_wer").get(1));
    assertEquals(6.0 + 2, t.doubleColumn("test_real_f1").get(1));
    assertEquals(0.3, t.doubleColumn("test_flite_cer").get(0));
  }

  @Test
  void aRunResumedFromACheckpointWithoutSplitsHasTheirColumnsFromTheResumedEpochs() {
    Table t = RunTables.epochs("r-s1", "R", 1, List.of(epoch(1, Map.of()), epoch(2, splits(2))));
    assertTrue(t.columnNames().contains("test_real_wer"), t.columnNames().toString());
    assertTrue(t.doubleColumn("test_real_wer").isMissing(0), "no figure before the resume");
    assertEquals(0.9, t.doubleColumn("test_real_wer").get(1));
  }

  @Test
  void aDataSetWithoutFurtherSplitsKeepsItsColumns() {
    Table t = RunTables.epochs("r-s1", "R", 1, List.of(epoch(1, Map.of())));
    assertEquals(
        List.of(
            "run_id",
            "label",
            "seed",
            "epoch",
            "train_f1",
            "test_f1",
            "train_f2",
            "test_f2",
            "train_wer",
            "test_wer",
            "train_cer",
            "test_cer",
            "dense_nonzeros",
            "dense_size",
            "steps",
            "seconds"),
        t.columnNames());
  }

  @Test
  void aCheckpointKeepsTheSplitsAndOneWrittenBeforeThemReadsAsNone() throws Exception {
    CheckpointFile file =
        new CheckpointFile(tmp, "r-s1", "hash", new PrintStream(new ByteArrayOutputStream()));
    try (NDManager m = NDManager.newBaseManager()) {
      NDList arrays = new NDList(m.create(new float[] {1, 2}));
      file.save(new TrainerSnapshot(1, 4, List.of(epoch(1, splits(1))), arrays, Map.of()));
      EpochMetrics back = file.load(m).orElseThrow().history().get(0);
      assertEquals(List.of("flite", "real"), List.copyOf(back.extraTests().keySet()));
      assertArrayEquals(
          splits(1).get("real").objectives(), back.extraTests().get("real").objectives());
      assertEquals(splits(1).get("flite").metrics(), back.extraTests().get("flite").metrics());

      // The same checkpoint with the key taken out, as a checkpoint written before further splits.
      Path ckpt = tmp.resolve(".checkpoints/r-s1.ckpt");
      byte[] header;
      byte[] rest;
      int magic;
      int version;
      try (DataInputStream in = new DataInputStream(Files.newInputStream(ckpt))) {
        magic = in.readInt();
        version = in.readInt();
        header = new byte[in.readInt()];
        in.readFully(header);
        rest = in.readAllBytes();
      }
      ObjectMapper json = new ObjectMapper();
      ObjectNode h = (ObjectNode) json.readTree(header);
      ((ObjectNode) h.get("history").get(0)).remove("extraTests");
      byte[] old = json.writeValueAsBytes(h);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(magic);
        out.writeInt(version);
        out.writeInt(old.length);
        out.write(old);
        out.write(rest);
      }
      Files.write(ckpt, bytes.toByteArray());
      EpochMetrics before = file.load(m).orElseThrow().history().get(0);
      assertTrue(before.extraTests().isEmpty());
      assertEquals(0.5, before.testMetrics().get("wer"));
    }
  }
}
