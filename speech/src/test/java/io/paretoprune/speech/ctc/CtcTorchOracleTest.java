package io.paretoprune.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.engine.EngineSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CtcLoss} against {@code torch.nn.functional.ctc_loss}: values and gradients with respect
 * to the logits, on the fixed inputs of {@code src/test/python/ctc_oracle.py}. The checked-in
 * oracle file is always compared; the script is also run live when Debian's python3-torch is
 * installed.
 */
class CtcTorchOracleTest {
  /** Debian's interpreter, where python3-torch installs; {@code -Dparetoprune.python} overrides. */
  private static final Path PYTHON =
      Paths.get(System.getProperty("paretoprune.python", "/usr/bin/python3"));

  private static final Path SCRIPT = Paths.get("src/test/python/ctc_oracle.py");
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void matchesTheCheckedInTorchValues() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("torch-ctc-oracle.json")) {
      assertOracle(new ObjectMapper().readTree(in));
    }
  }

  @Test
  void matchesTorchRunLiveWhenInstalled(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "skipped: no " + PYTHON);
    Path out = dir.resolve("oracle.json");
    Process p =
        new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    assumeFalse(
        exit != 0 && log.contains("No module named 'torch'"),
        "skipped: " + PYTHON + " cannot import torch (apt-get install python3-torch)");
    assertEquals(0, exit, "ctc_oracle.py failed: " + log);
    assertOracle(new ObjectMapper().readTree(out.toFile()));
  }

  private static void assertOracle(JsonNode oracle) {
    int cases = 0;
    for (JsonNode c : oracle.get("cases")) {
      assertCase(c);
      cases++;
    }
    assertEquals(3, cases);
  }

  private static void assertCase(JsonNode c) {
    String name = c.get("name").asText();
    int blank = c.get("blank").asInt();
    JsonNode logits = c.get("logits");
    int batch = logits.size();
    int frames = logits.get(0).size();
    int classes = logits.get(0).get(0).size();
    float[] flat = new float[batch * frames * classes];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < frames; t++) {
        for (int k = 0; k < classes; k++) {
          // The script rounds to multiples of 1/64, so float holds these exactly.
          flat[(b * frames + t) * classes + k] = (float) logits.get(b).get(t).get(k).asDouble();
        }
      }
    }
    int[] lengths = new int[batch];
    int[][] labels = new int[batch][];
    for (int b = 0; b < batch; b++) {
      lengths[b] = c.get("inputLengths").get(b).asInt();
      JsonNode l = c.get("labels").get(b);
      labels[b] = new int[l.size()];
      for (int i = 0; i < l.size(); i++) {
        labels[b][i] = l.get(i).asInt();
      }
    }

    // Per sample, in double on the host: torch's reduction='none'.
    double meanNll = 0;
    for (int b = 0; b < batch; b++) {
      double[][] x = new double[lengths[b]][classes];
      for (int t = 0; t < lengths[b]; t++) {
        for (int k = 0; k < classes; k++) {
          x[t][k] = flat[(b * frames + t) * classes + k];
        }
      }
      double expected = c.get("negLogLikelihoods").get(b).asDouble();
      assertEquals(
          expected,
          CtcForwardBackward.compute(x, labels[b], blank).negLogLikelihood(),
          1e-9 * Math.abs(expected),
          name + " sample " + b);
      meanNll += expected / batch;
    }

    // Through DJL's autograd, in float: values and gradients of 'sum' and 'mean'.
    assertThroughAutograd(
        name + " sum",
        flat,
        batch,
        frames,
        classes,
        lengths,
        labels,
        new CtcLoss(blank, CtcReduction.SUM),
        c.get("loss_sum").asDouble(),
        c.get("grad_sum"));
    assertThroughAutograd(
        name + " mean",
        flat,
        batch,
        frames,
        classes,
        lengths,
        labels,
        new CtcLoss(blank, CtcReduction.MEAN_PER_LABEL),
        c.get("loss_mean").asDouble(),
        c.get("grad_mean"));
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.create(flat, new Shape(batch, frames, classes));
      assertEquals(
          meanNll,
          new CtcLoss(blank, CtcReduction.MEAN).evaluate(x, lengths, labels).getFloat(),
          1e-5 * meanNll,
          name + " DeepSpeech mean");
    }
  }

  private static void assertThroughAutograd(
      String what,
      float[] flat,
      int batch,
      int frames,
      int classes,
      int[] lengths,
      int[][] labels,
      CtcLoss ctc,
      double expectedLoss,
      JsonNode expectedGrad) {
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.create(flat, new Shape(batch, frames, classes));
      x.setRequiresGradient(true);
      float loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = ctc.evaluate(x, lengths, labels);
        loss = l.getFloat();
        gc.backward(l);
      }
      assertEquals(expectedLoss, loss, 1e-6 * Math.abs(expectedLoss), what + " value");
      float[] grad = x.getGradient().toFloatArray();
      for (int b = 0; b < batch; b++) {
        for (int t = 0; t < frames; t++) {
          for (int k = 0; k < classes; k++) {
            assertEquals(
                expectedGrad.get(b).get(t).get(k).asDouble(),
                grad[(b * frames + t) * classes + k],
                1e-6,
                what + " gradient b=" + b + " t=" + t + " k=" + k);
          }
        }
      }
    }
  }
}
