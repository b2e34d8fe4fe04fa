package io.paretoprune.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bench step|epoch|memory|sparse|infer|lstm|pack|weight-law}: the benchmarks whose figures
 * BENCHMARKS.md records.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks: step time and full epochs against the PyTorch peer, memory, sparse head,"
            + " inference of saved runs (dense, compacted, sparse), the LSTM's two paths, packed"
            + " runs, the combiners'"
            + " weight law.",
    subcommands = {
      StepBench.class,
      EpochBench.class,
      MemoryBench.class,
      SparseBench.class,
      InferBench.class,
      LstmBench.class,
      PackBench.class,
      WeightLawBench.class
    })
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    new picocli.CommandLine(this).usage(System.out);
    return 0;
  }
}
