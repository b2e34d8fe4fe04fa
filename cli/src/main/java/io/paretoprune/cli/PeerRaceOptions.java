package io.paretoprune.cli;

import picocli.CommandLine.Option;

/** Options every race against the PyTorch peer shares (a picocli mixin). */
final class PeerRaceOptions {
  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "python with torch")
  String python;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "intra-op threads, ours and the peer's (default 2)")
  int threads;
}
