package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepspeech} on images and an image model on speech are refused through {@code
 * ./paretoprune run} with one line naming the suite file and {@code model.name}, exit 2, before any
 * data is read or fetched and before a results folder exists (the data folders here are empty).
 */
class ModelDataKindTest {
  @TempDir Path tmp;

  private Path suite(String name, String dataset, String model, String loss) throws Exception {
    return Files.writeString(
        tmp.resolve(name + ".yaml"),
        """
        name: %s
        dataset: {name: %s, dir: %s}
        model: %s
        objectives:
          - {name: f1, loss: %s}
          - {name: f2, l1: {on: dense.kernel}}
        optimizers:
          - {label: SMGD, name: smgd, settings: {lr: 0.01}}
        pruning: {name: threshold}
        seeds: [1]
        epochs: 1
        batch_size: 8
        threads_per_run: 1
        """
            .formatted(name, dataset, Files.createDirectories(tmp.resolve(name)), model, loss));
  }

  private List<String> refused(Path suite) throws Exception {
    Path results = tmp.resolve("results");
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite.toString(),
            "--results",
            results.toString(),
            "--data",
            tmp.resolve("data").toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertFalse(Files.exists(results), "a results folder was made");
    assertFalse(Files.exists(tmp.resolve("data")), "data was fetched");
    return run.errLines();
  }

  @Test
  void deepspeechOnImages() throws Exception {
    Path s = suite("ds-mnist", "mnist", "{name: deepspeech, settings: {n_hidden: 8}}", "ctc");
    assertEquals(
        List.of(
            "paretoprune: "
                + s
                + ": model.name: model 'deepspeech' reads frame sequences (frames x features),"
                + " but data set 'mnist' holds images (channels x height x width); models that"
                + " read them: lenet5, mlp, vgg-cifar"),
        refused(s));
  }

  @Test
  void imageModelsOnSpeech() throws Exception {
    for (String model : List.of("mlp", "lenet5")) {
      Path s = suite(model + "-speech", "spoken-numbers", "{name: " + model + "}", "ctc");
      assertEquals(
          List.of(
              "paretoprune: "
                  + s
                  + ": model.name: model '"
                  + model
                  + "' reads images (channels x height x width), but data set 'spoken-numbers'"
                  + " holds frame sequences (frames x features); models that read them:"
                  + " deepspeech"),
          refused(s));
    }
  }
}
