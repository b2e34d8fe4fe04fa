package io.paretoprune.experiments.run;

import io.paretoprune.core.plugin.PluginJar;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a run; see docs/results-format.md.
 *
 * @param optimizerDescription the resolved pairing, e.g. {@code min-norm + adam (per-objective)}
 * @param resumedAfterEpochs the epochs after which a killed run was resumed from its checkpoint
 *     (empty for a run that went through; {@code wallSeconds} is then the last process's time)
 * @param packedWith the runs trained together as one packed network, this one included (empty for a
 *     run trained alone; {@code wallSeconds} is then the whole pack's time)
 * @param testSplits the data set's further test splits the run was evaluated on after every epoch,
 *     in order (their columns {@code test_<split>_<metric>}); empty for most data sets
 */
public record RunManifest(
    String runId,
    String suite,
    String label,
    String optimizer,
    Map<String, Object> optimizerSettings,
    String optimizerDescription,
    String pruning,
    Map<String, Object> pruningSettings,
    String model,
    Map<String, Object> modelSettings,
    String dataset,
    long seed,
    int epochs,
    int batchSize,
    List<String> objectives,
    String status,
    int divergedAtEpoch,
    String message,
    String configHash,
    double wallSeconds,
    String startedAt,
    Map<String, String> versions,
    String gitCommit,
    List<PluginJar> plugins,
    List<Integer> resumedAfterEpochs,
    List<String> packedWith,
    List<String> testSplits) {}
