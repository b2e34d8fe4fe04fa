package io.paretoprune.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that starts a run's own JVM with this JVM's classpath. */
final class ChildJvm {
  private ChildJvm() {}

  static List<String> command(Path specFile, Path dataRoot, Path runsDir, String gitCommit) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx2g");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(RunMain.class.getName());
    cmd.add(specFile.toString());
    cmd.add(dataRoot.toString());
    cmd.add(runsDir.toString());
    cmd.add(gitCommit);
    return cmd;
  }
}
