package io.paretoprune.experiments.run;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.core.train.checkpoint.CheckpointStore;
import io.paretoprune.core.train.checkpoint.TrainerSnapshot;
import io.paretoprune.core.train.result.EpochMetrics;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's epoch checkpoint, {@code runs/.checkpoints/<run-id>.ckpt}: one file, replaced atomically
 * after every completed epoch (written beside it, then renamed over it), so a kill at any moment
 * leaves the previous epoch's or the new one. It carries the run's config hash: a checkpoint of
 * other settings is never resumed (it is deleted with a note). The file is removed when the run's
 * directory is committed.
 *
 * <p>Layout: {@code "PPCK"}, a format version, the length of a JSON header (epoch, step, config
 * hash, update counts, the epoch rows), the header, then DJL's own encoding of the named arrays
 * ({@link NDList#encode()}).
 */
public final class CheckpointFile implements CheckpointStore {
  private static final int MAGIC = 0x5050434b; // "PPCK"
  private static final int VERSION = 1;
  // Epoch rows hold NaN where a rule needs no Gram matrix (||d|| of a fixed weighting).
  private static final ObjectMapper JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private final Path file;
  private final String configHash;
  private final PrintStream notes;
  private final List<Integer> resumes = new java.util.ArrayList<>();

  /**
   * @param notes where to say that a checkpoint was resumed or set aside (the run's log)
   */
  public CheckpointFile(Path runsDir, String runId, String configHash, PrintStream notes) {
    this.file = location(runsDir, runId);
    this.configHash = configHash;
    this.notes = notes;
  }

  /** Where the checkpoint of {@code runId} lives. */
  public static Path location(Path runsDir, String runId) {
    return runsDir.resolve(".checkpoints").resolve(runId + ".ckpt");
  }

  /** The header's fields. */
  record Header(
      int epoch,
      long step,
      String configHash,
      Map<String, Integer> counters,
      List<Integer> resumes,
      List<EpochMetrics> history) {}

  /**
   * The epoch a run would resume after: its checkpoint's, if there is a readable one for this
   * config hash; 0 otherwise. Reads only the header.
   */
  public static int epochOf(Path runsDir, String runId, String configHash) {
    Path file = location(runsDir, runId);
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(raw)) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        return 0;
      }
      byte[] header = new byte[in.readInt()];
      in.readFully(header);
      Header h = JSON.readValue(header, new TypeReference<Header>() {});
      return configHash.equals(h.configHash()) ? h.epoch() : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** A header's JSON as a tree (for readers of the epoch rows that do not resume the run). */
  static com.fasterxml.jackson.databind.JsonNode headerJson(byte[] header) throws IOException {
    return JSON.readTree(header);
  }

  /** The epochs after which this run was resumed so far, oldest first. */
  public List<Integer> resumes() {
    return List.copyOf(resumes);
  }

  @Override
  public Optional<TrainerSnapshot> load(NDManager manager) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(raw)) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        return setAside("not a checkpoint of this version");
      }
      byte[] header = new byte[in.readInt()];
      in.readFully(header);
      Header h = JSON.readValue(header, new TypeReference<Header>() {});
      if (!configHash.equals(h.configHash())) {
        return setAside("written for other settings");
      }
      NDList arrays = NDList.decode(manager, in.readAllBytes());
      resumes.clear();
      resumes.addAll(h.resumes());
      resumes.add(h.epoch());
      notes.println("resuming after epoch " + h.epoch() + " from " + file);
      return Optional.of(
          new TrainerSnapshot(h.epoch(), h.step(), h.history(), arrays, h.counters()));
    } catch (IOException | RuntimeException e) {
      return setAside("unreadable (" + e.getMessage() + ")");
    }
  }

  private Optional<TrainerSnapshot> setAside(String why) {
    notes.println("checkpoint " + file + " " + why + ": starting the run afresh");
    delete();
    return Optional.empty();
  }

  @Override
  public void save(TrainerSnapshot s) {
    try {
      Files.createDirectories(file.getParent());
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      JSON.writeValue(
          header, new Header(s.epoch(), s.step(), configHash, s.counters(), resumes, s.history()));
      AtomicFiles.write(
          file,
          raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(header.size());
            header.writeTo(out);
            out.write(s.arrays().encode());
            out.flush();
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + file, e);
    }
  }

  /** Removes the checkpoint (the run completed, or it cannot be used). */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      notes.println("cannot remove checkpoint " + file + ": " + e.getMessage());
    }
  }
}
