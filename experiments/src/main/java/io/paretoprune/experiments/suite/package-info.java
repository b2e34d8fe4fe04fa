/**
 * Suite files: YAML read with Jackson, validated key by key (unknown keys, types, ranges, plug-in
 * names) with errors naming the file and the key, then expanded into one {@link
 * io.paretoprune.experiments.suite.RunSpec} per optimizer and seed.
 */
package io.paretoprune.experiments.suite;
