package io.paretoprune.models.store;

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
 * Saves a trained network to a directory and loads it back.
 *
 * <p>A saved model is two files: {@code model.params}, DJL's own parameter encoding ({@link
 * ai.djl.nn.Block#saveParameters}), and {@code model.json} ({@link ModelManifest}): model name,
 * settings and input spec to rebuild the block through the zoo, per-parameter sparsity, the
 * parameter file's SHA-256 and the versions that wrote it. Each file is written under a temporary
 * name and renamed; the manifest goes last, so a directory with a manifest has its parameters.
 * Values are stored bit for bit: pruned weights stay exactly 0.
 */
public final class ModelStore {
  public static final String MANIFEST = "model.json";
  public static final String PARAMETERS = "model.params";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelStore() {}

  /** Writes {@code network} into {@code dir} (created if absent, earlier files replaced). */
  public static ModelManifest save(Network network, Path dir) throws IOException {
    Files.createDirectories(dir);
    String sha =
        AtomicFiles.write(
            dir.resolve(PARAMETERS),
            out -> network.block().saveParameters(new DataOutputStream(out)));
    List<ParameterSparsity> sparsity = new ArrayList<>();
    for (ParameterRef p : network.catalog().all()) {
      sparsity.add(ParameterSparsity.of(p));
    }
    ModelManifest manifest =
        new ModelManifest(
            ModelManifest.FORMAT,
            network.model(),
            network.settings().asMap(),
            network.input(),
            PARAMETERS,
            sha,
            sparsity,
            Versions.current());
    AtomicFiles.write(dir.resolve(MANIFEST), out -> JSON.writeValue(out, manifest));
    return manifest;
  }

  /** Loads the network saved in {@code dir}, rebuilt through the default zoo. */
  public static Network load(Path dir, NDManager manager) {
    return load(dir, manager, ModelZoo.load());
  }

  /**
   * Loads the network saved in {@code dir}.
   *
   * @throws ModelFileException naming the file when one is missing, broken, or does not fit
   */
  public static Network load(Path dir, NDManager manager, ModelZoo zoo) {
    Path json = dir.resolve(MANIFEST);
    ModelManifest m = readManifest(dir, json);
    Network net;
    try {
      net =
          zoo.create(m.model(), new PluginSettings(m.settings()), m.input(), manager, /* seed */ 0);
    } catch (ConfigException e) {
      throw new ModelFileException(json, "cannot rebuild the model: " + e.getMessage(), e);
    }
    checkParameterList(json, m, net);
    readParameters(dir.resolve(m.parametersFile()), m.parametersSha256(), net, manager);
    return net;
  }

  /** The manifest of the model saved in {@code dir}. */
  public static ModelManifest readManifest(Path dir) {
    return readManifest(dir, dir.resolve(MANIFEST));
  }

  private static ModelManifest readManifest(Path dir, Path json) {
    if (!Files.isRegularFile(json)) {
      throw new ModelFileException(
          json,
          Files.isDirectory(dir)
              ? "missing; " + dir + " holds no saved model"
              : "missing; there is no directory " + dir);
    }
    ModelManifest m;
    try {
      m = JSON.readValue(json.toFile(), ModelManifest.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new ModelFileException(
          json, "not a valid model file: " + e.getOriginalMessage() + where, e);
    } catch (IOException e) {
      throw new ModelFileException(json, "cannot read: " + e.getMessage(), e);
    }
    if (m == null) {
      throw new ModelFileException(json, "empty");
    }
    if (m.format() != ModelManifest.FORMAT) {
      throw new ModelFileException(
          json,
          "format "
              + m.format()
              + " is not supported; this version reads format "
              + ModelManifest.FORMAT);
    }
    require(json, m.model(), "model");
    require(json, m.input(), "input");
    require(json, m.parametersFile(), "parametersFile");
    require(json, m.parametersSha256(), "parametersSha256");
    require(json, m.parameters(), "parameters");
    Path name = Path.of(m.parametersFile()).getFileName();
    if (name == null || !name.toString().equals(m.parametersFile())) {
      throw new ModelFileException(
          json,
          "parametersFile must be a file name beside model.json, got '" + m.parametersFile() + "'");
    }
    return m;
  }

  private static void require(Path json, Object value, String field) {
    if (value == null) {
      throw new ModelFileException(json, "missing field '" + field + "'");
    }
  }

  /**
   * The manifest's parameter list must be what the zoo builds now, name by name, shape by shape.
   */
  private static void checkParameterList(Path json, ModelManifest m, Network net) {
    List<ParameterRef> built = net.catalog().all();
    List<ParameterSparsity> saved = m.parameters();
    for (int i = 0; i < Math.max(built.size(), saved.size()); i++) {
      String have = i < built.size() ? describe(built.get(i)) : "nothing";
      String want = i < saved.size() ? describe(saved.get(i)) : "nothing";
      if (!have.equals(want)) {
        throw new ModelFileException(
            json,
            "parameter "
                + (i + 1)
                + " is "
                + want
                + " in the file but model '"
                + m.model()
                + "' builds "
                + have);
      }
    }
  }

  private static String describe(ParameterRef p) {
    return p.name() + " " + p.array().getShape();
  }

  private static String describe(ParameterSparsity p) {
    return p.name() + " " + (p.shape() == null ? "(no shape)" : new Shape(p.shape()));
  }

  private static void readParameters(Path file, String sha, Network net, NDManager manager) {
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(file, "missing");
    }
    try {
      if (!AtomicFiles.sha256(file).equalsIgnoreCase(sha)) {
        throw new ModelFileException(
            file,
            "does not match the checksum in " + MANIFEST + " (changed or truncated since saved)");
      }
    } catch (IOException e) {
      throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
    }
    List<ParameterRef> refs = net.catalog().all();
    List<NDArray> initial = refs.stream().map(ParameterRef::array).toList();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      net.block().loadParameters(manager, in);
      if (in.read() != -1) {
        throw new ModelFileException(file, "holds more data than the model's parameters");
      }
    } catch (EOFException e) {
      throw new ModelFileException(file, "ends before the model's last parameter", e);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (e instanceof ModelFileException mfe) {
        throw mfe;
      }
      throw new ModelFileException(file, "broken parameter file: " + e.getMessage(), e);
    }
    for (int i = 0; i < refs.size(); i++) {
      ParameterRef p = refs.get(i);
      Shape expected = initial.get(i).getShape();
      if (!p.array().getShape().equals(expected)) {
        throw new ModelFileException(
            file,
            "parameter "
                + p.name()
                + " has shape "
                + p.array().getShape()
                + ", the model needs "
                + expected);
      }
      // DJL's Parameter.load replaces the array without the gradient flag or closing the old one.
      if (p.parameter().requiresGradient()) {
        p.array().setRequiresGradient(true);
      }
      initial.get(i).close();
    }
  }
}
