package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretoprune.core.plugin.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key written twice in a suite file is an error naming the file, the key and the line. */
class DuplicateKeyTest {
  @TempDir Path tmp;

  private ConfigException load(String yaml) throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, yaml);
    return assertThrows(ConfigException.class, () -> SuiteLoader.load(file));
  }

  @Test
  void aTopLevelKeyWrittenTwiceIsNamedWithItsLine() throws Exception {
    ConfigException e = load(SuiteParseTest.GOOD + "epochs: 30\n");
    assertEquals(tmp.resolve("s.yaml").toString(), e.file());
    assertEquals("epochs", e.key());
    assertEquals("key written twice (again on line 13)", e.problem(), e.getMessage());
  }

  @Test
  void aNestedKeyWrittenTwiceIsNamedByItsPath() throws Exception {
    ConfigException inMapping =
        load(SuiteParseTest.GOOD.replace("{name: mnist,", "{name: mnist, name: cifar10,"));
    assertEquals("dataset.name", inMapping.key(), inMapping.getMessage());
    ConfigException inList =
        load(SuiteParseTest.GOOD.replace("settings: {lr: 0.01}", "settings: {lr: 0.01, lr: 1}"));
    assertEquals("optimizers[0].settings.lr", inList.key(), inList.getMessage());
  }
}
