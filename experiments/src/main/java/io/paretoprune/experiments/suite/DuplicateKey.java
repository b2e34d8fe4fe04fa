package io.paretoprune.experiments.suite;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Jackson's strict duplicate detection found a key written twice, as a suite key path ({@code
 * optimizers[1].settings.lr}) and a line.
 */
record DuplicateKey(String key, int line) {
  private static final Pattern MESSAGE = Pattern.compile("Duplicate field '(.*)'");

  /** The duplicate key of {@code e}, or empty when {@code e} is another parse error. */
  static Optional<DuplicateKey> of(StreamReadException e) {
    Matcher m = MESSAGE.matcher(e.getOriginalMessage());
    if (!m.find()) {
      return Optional.empty();
    }
    String parent = "";
    JsonParser p = e.getProcessor();
    if (p != null && p.getParsingContext() != null) {
      // The context is the mapping holding the key; its parent's path leads to it.
      parent = keyPath(p.getParsingContext().getParent().pathAsPointer());
    }
    String key = parent.isEmpty() ? m.group(1) : parent + "." + m.group(1);
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    return Optional.of(new DuplicateKey(key, line));
  }

  /** {@code /optimizers/1/settings} as {@code optimizers[1].settings}. */
  private static String keyPath(JsonPointer pointer) {
    StringBuilder s = new StringBuilder();
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      if (p.mayMatchElement()) {
        s.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        s.append(s.length() == 0 ? "" : ".").append(p.getMatchingProperty());
      }
    }
    return s.toString();
  }
}
