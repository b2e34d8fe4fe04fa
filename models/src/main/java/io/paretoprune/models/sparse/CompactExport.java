package io.paretoprune.models.sparse;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.store.ModelFileException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a compacted network ({@code compact.json} and {@code model.params}, DJL's parameter
 * encoding of the narrowed block) and loads it back through the zoo.
 */
public final class CompactExport {
  public static final String MANIFEST = "compact.json";
  public static final String PARAMETERS = "model.params";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CompactExport() {}

  /** Writes {@code compacted} into {@code dir} (created if absent); returns its manifest. */
  public static CompactManifest write(
      CompactedNetwork compacted, String runId, double maxLogitDifference, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Network net = compacted.network();
    String sha =
        AtomicFiles.write(
            dir.resolve(PARAMETERS), out -> net.block().saveParameters(new DataOutputStream(out)));
    List<CompactManifest.Parameter> parameters = new ArrayList<>();
    for (ParameterRef p : net.catalog().all()) {
      long nonzeros;
      try (NDArray count = p.array().countNonzero()) {
        nonzeros = count.getLong();
      }
      parameters.add(
          new CompactManifest.Parameter(
              p.name(), p.array().getShape().getShape(), p.array().size(), nonzeros));
    }
    CompactManifest manifest =
        new CompactManifest(
            CompactManifest.FORMAT,
            runId,
            net.model(),
            net.settings().asMap(),
            net.input(),
            compacted.before(),
            compacted.after(),
            compacted.removed(),
            parameters,
            PARAMETERS,
            sha,
            maxLogitDifference);
    AtomicFiles.write(dir.resolve(MANIFEST), out -> JSON.writeValue(out, manifest));
    return manifest;
  }

  /** Whether {@code dir} holds a compacted export. */
  public static boolean isExport(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST));
  }

  /** The manifest in {@code dir}; {@link ModelFileException} naming the file when it is broken. */
  public static CompactManifest readManifest(Path dir) {
    Path json = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(json)) {
      throw new ModelFileException(
          json, "missing; " + dir + " holds no compacted export (export --format compact)");
    }
    CompactManifest m;
    try {
      m = JSON.readValue(json.toFile(), CompactManifest.class);
    } catch (JsonProcessingException e) {
      throw new ModelFileException(json, "not a compacted export: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ModelFileException(json, "cannot read: " + e.getMessage(), e);
    }
    if (m == null || m.format() != CompactManifest.FORMAT) {
      throw new ModelFileException(
          json,
          "format "
              + (m == null ? "none" : m.format())
              + " is not supported; this version"
              + " reads format "
              + CompactManifest.FORMAT);
    }
    if (m.model() == null
        || m.input() == null
        || m.widths() == null
        || m.parameters() == null
        || m.parametersSha256() == null) {
      throw new ModelFileException(
          json, "missing field (model, input, widths, parameters and parametersSha256 are needed)");
    }
    return m;
  }

  /** Loads the compacted network in {@code dir}, rebuilt through the default zoo. */
  public static Network load(Path dir, NDManager manager) {
    return load(dir, manager, ModelZoo.load());
  }

  /**
   * Loads the compacted network in {@code dir}.
   *
   * @throws ModelFileException naming the file when one is missing, broken, or does not fit
   */
  public static Network load(Path dir, NDManager manager, ModelZoo zoo) {
    CompactManifest m = readManifest(dir);
    Path json = dir.resolve(MANIFEST);
    Network net;
    try {
      net =
          CompactNetworks.build(
              zoo,
              m.model(),
              new PluginSettings(m.settings() == null ? java.util.Map.of() : m.settings()),
              m.input(),
              m.widths(),
              manager);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new ModelFileException(json, "cannot rebuild the model: " + e.getMessage(), e);
    }
    List<ParameterRef> built = net.catalog().all();
    for (int i = 0; i < Math.max(built.size(), m.parameters().size()); i++) {
      String have =
          i < built.size()
              ? built.get(i).name() + " " + built.get(i).array().getShape()
              : "nothing";
      String want =
          i < m.parameters().size()
              ? m.parameters().get(i).name() + " " + new Shape(m.parameters().get(i).shape())
              : "nothing";
      if (!have.equals(want)) {
        throw new ModelFileException(
            json,
            "parameter " + (i + 1) + " is " + want + " in the file but the widths build " + have);
      }
    }
    Path file = dir.resolve(PARAMETERS);
    try {
      if (!Files.isRegularFile(file)) {
        throw new ModelFileException(file, "missing");
      }
      if (!AtomicFiles.sha256(file).equalsIgnoreCase(m.parametersSha256())) {
        throw new ModelFileException(
            file, "does not match the checksum in " + MANIFEST + " (changed or truncated since)");
      }
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        net.block().loadParameters(manager, in);
      }
    } catch (EOFException e) {
      throw new ModelFileException(file, "ends before the model's last parameter", e);
    } catch (IOException | MalformedModelException e) {
      throw new ModelFileException(file, "broken parameter file: " + e.getMessage(), e);
    }
    // The parameters were replaced by the loaded arrays: catalogue them again.
    return new Network(
        net.block(),
        net.input(),
        io.paretoprune.core.param.ParameterCatalog.of(net.block()),
        net.model(),
        net.settings());
  }
}
