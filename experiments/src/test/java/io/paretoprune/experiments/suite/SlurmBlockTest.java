package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.plugin.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code runner.executor} and every key of the {@code slurm:} block, good and bad. */
class SlurmBlockTest {
  private static SuiteSpec parse(String extra) throws Exception {
    return SuiteParseTest.parse(SuiteParseTest.GOOD + extra);
  }

  private static ConfigException fails(String extra) {
    return SuiteParseTest.fails(SuiteParseTest.GOOD + extra);
  }

  @Test
  void theExecutorIsLocalUnlessTheSuiteSaysSlurm() throws Exception {
    assertEquals("local", parse("").executor());
    assertEquals("local", parse("runner: {pack: 2}\n").executor());
    assertEquals("slurm", parse("runner: {executor: slurm}\n").executor());
    assertEquals("local", parse("runner: {executor: slurm}\n").withExecutor("local").executor());
    ConfigException e = fails("runner: {executor: pbs}\n");
    assertEquals("runner.executor", e.key());
    assertTrue(e.getMessage().contains("known: local, slurm"), e.getMessage());
  }

  @Test
  void everyKeyIsReadAndCpusDefaultToThreadsPerRun() throws Exception {
    SlurmSpec s =
        parse(
                "threads_per_run: 2\n"
                    + "slurm: {partition: \"gpu,cpu\", time: \"1:30:00\", mem: 4G, account: lab-1,"
                    + " qos: short, max_parallel: 8, extra_args: [--constraint=avx2, --exclusive]}\n")
            .slurm();
    assertEquals("gpu,cpu", s.partition());
    assertEquals("1:30:00", s.time());
    assertEquals("4G", s.mem());
    assertEquals("lab-1", s.account());
    assertEquals("short", s.qos());
    assertEquals(8, s.maxParallel());
    assertEquals(List.of("--constraint=avx2", "--exclusive"), s.extraArgs());
    assertEquals(2, s.cpus(2));
    assertEquals(4, parse("threads_per_run: 2\nslurm: {cpus_per_task: 4}\n").slurm().cpus(2));
    assertEquals(SlurmSpec.DEFAULTS, parse("").slurm());
    assertEquals("90", parse("slurm: {time: 90}\n").slurm().time());
    assertEquals("2-12", parse("slurm: {time: 2-12}\n").slurm().time());
    // YAML 1.1 would read 1:30:00 as a base-60 number; the parser keeps it as written.
    assertEquals("1:30:00", parse("slurm: {time: 1:30:00}\n").slurm().time());
    assertEquals("2048", parse("slurm: {mem: 2048}\n").slurm().mem());
  }

  @Test
  void badValuesNameTheirKey() {
    assertEquals("slurm.partitions", fails("slurm: {partitions: debug}\n").key());
    assertEquals("slurm.partition", fails("slurm: {partition: \"a b\"}\n").key());
    assertEquals("slurm.time", fails("slurm: {time: soon}\n").key());
    assertEquals("slurm.time", fails("slurm: {time: \"1:2:3:4\"}\n").key());
    assertEquals("slurm.mem", fails("slurm: {mem: 4GB}\n").key());
    assertEquals("slurm.cpus_per_task", fails("slurm: {cpus_per_task: 0}\n").key());
    ConfigException fewer = fails("threads_per_run: 4\nslurm: {cpus_per_task: 2}\n");
    assertEquals("slurm.cpus_per_task", fewer.key());
    assertTrue(fewer.getMessage().contains("threads_per_run"), fewer.getMessage());
    assertEquals("slurm.max_parallel", fails("slurm: {max_parallel: 0}\n").key());
    assertEquals("slurm.max_parallel", fails("slurm: {max_parallel: two}\n").key());
    assertEquals("slurm.account", fails("slurm: {account: \"a;b\"}\n").key());
    assertEquals("slurm.qos", fails("slurm: {qos: [a]}\n").key());
    assertEquals("slurm.extra_args", fails("slurm: {extra_args: --exclusive}\n").key());
    assertEquals("slurm.extra_args[0]", fails("slurm: {extra_args: [exclusive]}\n").key());
    ConfigException ours = fails("slurm: {extra_args: [--exclusive, \"--array=0-3\"]}\n");
    assertEquals("slurm.extra_args[1]", ours.key());
    assertTrue(ours.getMessage().contains("set by paretoprune"), ours.getMessage());
    assertEquals("slurm.extra_args[0]", fails("slurm: {extra_args: [-ofile]}\n").key());
    assertEquals("slurm", fails("slurm: [debug]\n").key());
  }
}
