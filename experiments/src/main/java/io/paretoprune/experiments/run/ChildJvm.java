package io.paretoprune.experiments.run;

import io.paretoprune.core.plugin.PluginPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that starts a run's own JVM with this JVM's classpath and plug-in jars. */
final class ChildJvm {
  private ChildJvm() {}

  static List<String> command(Path specFile, Path dataRoot, Path runsDir, String gitCommit) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx2g");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dai.djl.offline=true");
    PluginPath plugins = PluginPath.installed();
    if (!plugins.paths().isEmpty()) {
      cmd.add("-D" + PluginPath.SYSTEM_PROPERTY + "=" + plugins.asProperty());
    }
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
