package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.task.ExampleKind;
import io.paretoprune.models.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that reads another kind of example than the data set holds is refused when the suite is
 * loaded, naming the file and {@code model.name}, before any data is read (none exists here).
 */
class ExampleKindCheckTest {
  @TempDir Path tmp;

  private Path suite(String model) throws Exception {
    return Files.writeString(
        tmp.resolve("kind.yaml"),
        SuiteParseTest.GOOD
            .replace("{name: lenet5}", model)
            .replace("{name: mnist, train_limit: 640}", "{name: mnist, dir: " + tmp + "/none}"));
  }

  @Test
  void aSequenceModelOnImagesIsOneLineNamingFileAndKey() throws Exception {
    Path file = suite("{name: deepspeech, settings: {n_hidden: 8}}");
    ConfigException e = assertThrows(ConfigException.class, () -> SuiteLoader.load(file));
    assertEquals(file.toString(), e.file());
    assertEquals("model.name", e.key());
    assertEquals(
        "model 'deepspeech' reads frame sequences (frames x features), but data set 'mnist' holds"
            + " images (channels x height x width); models that read them: lenet5, mlp, vgg-cifar",
        e.problem());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void imageModelsOnImagesPass() throws Exception {
    SuiteLoader.load(suite("{name: lenet5}"));
    SuiteLoader.load(suite("{name: mlp}"));
  }

  @Test
  void theZooDeclaresWhatEachModelReads() {
    ModelZoo zoo = ModelZoo.load();
    assertEquals(ExampleKind.FRAME_SEQUENCES, zoo.factory("deepspeech").examples());
    for (String images : new String[] {"lenet5", "mlp", "vgg-cifar"}) {
      assertEquals(ExampleKind.IMAGES, zoo.factory(images).examples(), images);
    }
  }
}
