package io.paretoprune.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a file under a temporary name beside it, then renames it into place, so that a reader (or
 * a run killed mid-write) never sees half a file. One policy for every such write of the project:
 * the temporary file is unique in the target's folder (two writers never share it), the rename is
 * atomic where the file system offers it and a plain replacing move where it does not ({@link
 * AtomicMoveNotSupportedException}), and a failed write leaves the old file as it was and no
 * temporary file behind.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** What goes into the file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes what {@code body} emits to {@code target}; returns the SHA-256 of the bytes, hex. */
  public static String write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      MessageDigest sha = sha256();
      try (OutputStream out =
          new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)), sha)) {
        body.writeTo(out);
      }
      moveIntoPlace(tmp, target);
      return HexFormat.of().formatHex(sha.digest());
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code content} as UTF-8 to {@code target}. */
  public static void writeString(Path target, String content) throws IOException {
    write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Renames a finished temporary file or folder to {@code target} (a file there is replaced; a
   * folder there must be gone or empty): atomically where the file system can, else a plain move.
   */
  public static Path moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      return Files.move(
          tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The SHA-256 of a file's bytes, hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (var in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
