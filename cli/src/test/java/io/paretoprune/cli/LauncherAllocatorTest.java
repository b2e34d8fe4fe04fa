package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which allocator the launcher sets up ({@code PARETOPRUNE_MALLOC}). A stand-in {@code java} first
 * on PATH prints the environment the launcher hands the JVM, so no JVM is started.
 */
class LauncherAllocatorTest {
  private static final String TUNABLES =
      "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824"
          + ":glibc.malloc.top_pad=16777216:glibc.malloc.arena_max=1";

  @TempDir Path tmp;
  private Path bin;

  @BeforeEach
  void standInJava() throws Exception {
    bin =
        Launcher.standInJava(
            tmp,
            "echo \"LD_PRELOAD=${LD_PRELOAD:-}\"\n"
                + "echo \"MALLOC_CONF=${MALLOC_CONF:-}\"\n"
                + "echo \"GLIBC_TUNABLES=${GLIBC_TUNABLES:-}\"\n");
  }

  private Launcher.Outcome launch(String malloc, String jemalloc) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("PARETOPRUNE_MALLOC", malloc);
    env.put("PARETOPRUNE_JEMALLOC", jemalloc == null ? "" : jemalloc);
    env.put("LD_PRELOAD", "");
    env.put("MALLOC_CONF", "");
    env.put("GLIBC_TUNABLES", "");
    return Launcher.run(tmp, env, "--version");
  }

  private static boolean systemJemalloc() {
    return Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"))
        || Files.exists(Path.of("/usr/lib64/libjemalloc.so.2"))
        || Files.exists(Path.of("/usr/lib/libjemalloc.so.2"));
  }

  @Test
  void glibcTunedKeepsFreedMemoryWithoutAPreload() throws Exception {
    Launcher.Outcome o = launch("glibc-tuned", null);
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("GLIBC_TUNABLES=" + TUNABLES + "\n"), o.out());
    assertTrue(o.out().contains("LD_PRELOAD=\n"), o.out());
  }

  @Test
  void autoPreloadsAJemallocItFindsAndKeepsItsPages() throws Exception {
    Path so = Files.writeString(tmp.resolve("libjemalloc.so.2"), "");
    Launcher.Outcome o = launch("auto", so.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("LD_PRELOAD=" + so + "\n"), o.out());
    assertTrue(o.out().contains("MALLOC_CONF=dirty_decay_ms:-1,muzzy_decay_ms:-1\n"), o.out());
    assertTrue(o.out().contains("GLIBC_TUNABLES=\n"), o.out());
  }

  @Test
  void autoWithoutJemallocFallsBackToTheTunedGlibc() throws Exception {
    Launcher.Outcome o = launch("auto", null);
    assertEquals(0, o.code(), o.err());
    if (systemJemalloc()) {
      assertTrue(o.out().contains("LD_PRELOAD=/usr/lib"), o.out());
    } else {
      assertTrue(o.out().contains("GLIBC_TUNABLES=" + TUNABLES + "\n"), o.out());
      assertTrue(o.out().contains("LD_PRELOAD=\n"), o.out());
    }
  }

  @Test
  void glibcIsGlibcUntouched() throws Exception {
    Launcher.Outcome o = launch("glibc", null);
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("LD_PRELOAD=\nMALLOC_CONF=\nGLIBC_TUNABLES=\n"), o.out());
  }

  @Test
  void anUnknownAllocatorIsOneLineNamingTheVariable() throws Exception {
    Launcher.Outcome o = launch("tcmalloc", null);
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.err().contains("PARETOPRUNE_MALLOC") && o.err().contains("'tcmalloc'"), o.err());
    assertFalse(o.out().contains("LD_PRELOAD"), "the JVM was started: " + o.out());
  }

  @Test
  void jemallocAskedForButAbsentIsOneLine() throws Exception {
    if (systemJemalloc()) {
      return; // this machine has one: nothing is absent
    }
    Launcher.Outcome o = launch("jemalloc", tmp.resolve("missing.so").toString());
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.err().contains("libjemalloc.so.2"), o.err());
  }
}
