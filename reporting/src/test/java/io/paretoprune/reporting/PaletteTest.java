package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaletteTest {
  @Test
  void tenOptimizersGetTenColours() {
    List<String> labels = IntStream.range(0, 10).mapToObj(i -> "opt" + i).toList();
    Palette p = new Palette(labels);
    Set<Color> seen = new HashSet<>();
    labels.forEach(l -> seen.add(p.of(l)));
    assertEquals(10, seen.size());
    assertEquals(14, Palette.DISTINCT);
  }
}
