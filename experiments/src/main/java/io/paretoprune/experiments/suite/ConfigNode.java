package io.paretoprune.experiments.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.plugin.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of a config tree that knows its file and key path, so every error names both. Jackson
 * parses; this class only adds the located, one-line errors a user needs.
 */
final class ConfigNode {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String file;
  private final String path;
  private final JsonNode node;

  ConfigNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  ConfigException error(String problem) {
    return new ConfigException(file, path, problem);
  }

  ConfigException error(String key, String problem) {
    return new ConfigException(file, child(key), problem);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  String path() {
    return path;
  }

  String file() {
    return file;
  }

  boolean isMissing() {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** Fails on a key outside {@code allowed}, listing them. */
  ConfigNode allowOnly(Set<String> allowed) {
    requireObject();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!allowed.contains(k)) {
        throw error(k, "unknown key; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    return this;
  }

  ConfigNode requireObject() {
    if (node == null || !node.isObject()) {
      throw error("expected a mapping of keys to values");
    }
    return this;
  }

  ConfigNode get(String key) {
    return new ConfigNode(file, child(key), node == null ? null : node.get(key));
  }

  ConfigNode required(String key) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      throw error(key, "required key is missing");
    }
    return c;
  }

  String text() {
    if (isMissing() || !(node.isTextual() || node.isNumber() || node.isBoolean())) {
      throw error("expected a single value");
    }
    return node.asText();
  }

  String text(String key, String fallback) {
    ConfigNode c = get(key);
    return c.isMissing() ? fallback : c.text();
  }

  int integer(String key, int fallback, int min, int max) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      return fallback;
    }
    if (!c.node.isIntegralNumber()) {
      throw c.error("expected a whole number, got '" + c.node.asText() + "'");
    }
    long v = c.node.asLong();
    if (v < min || v > max) {
      throw c.error("must be between " + min + " and " + max + ", got " + v);
    }
    return (int) v;
  }

  boolean bool(String key, boolean fallback) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      return fallback;
    }
    if (!c.node.isBoolean()) {
      throw c.error("expected true or false, got '" + c.node.asText() + "'");
    }
    return c.node.asBoolean();
  }

  double number(String key, double fallback, double min, double max) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      return fallback;
    }
    if (!c.node.isNumber()) {
      throw c.error("expected a number, got '" + c.node.asText() + "'");
    }
    double v = c.node.asDouble();
    if (!(v >= min && v <= max)) {
      throw c.error("must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  List<ConfigNode> list() {
    if (node == null || !node.isArray()) {
      throw error("expected a list");
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new ConfigNode(file, path + "[" + i + "]", node.get(i)));
    }
    return out;
  }

  /** A plain map for plug-in settings (numbers, strings, booleans, lists). */
  Map<String, Object> settings() {
    if (isMissing()) {
      return Map.of();
    }
    requireObject();
    @SuppressWarnings("unchecked")
    Map<String, Object> m = MAPPER.convertValue(node, LinkedHashMap.class);
    return m;
  }
}
