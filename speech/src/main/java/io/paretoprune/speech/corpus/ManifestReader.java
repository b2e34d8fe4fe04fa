package io.paretoprune.speech.corpus;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a DeepSpeech manifest: a CSV with a header naming at least {@code wav_filename}, {@code
 * wav_filesize} and {@code transcript} (in any order; other columns are ignored, as DeepSpeech's
 * {@code csv.DictReader} does), one utterance a row. A relative {@code wav_filename} is resolved
 * against the manifest's folder, as DeepSpeech 0.9 does. Univocity (the parser Tablesaw uses) reads
 * the CSV, so quoted fields work and every row keeps its line number for the error messages.
 */
public final class ManifestReader {
  static final List<String> COLUMNS = List.of("wav_filename", "wav_filesize", "transcript");

  private ManifestReader() {}

  public static List<ManifestEntry> read(Path manifest) {
    if (!Files.isRegularFile(manifest)) {
      throw new SpeechDataException(manifest, "manifest not found");
    }
    CsvParserSettings s = new CsvParserSettings();
    s.setHeaderExtractionEnabled(false);
    s.setLineSeparatorDetectionEnabled(true);
    s.setSkipEmptyLines(true);
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    s.setNullValue("");
    s.setEmptyValue("");
    s.setMaxCharsPerColumn(1 << 16);
    CsvParser parser = new CsvParser(s);
    List<ManifestEntry> entries = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      parser.beginParsing(in);
      String[] header = parser.parseNext();
      if (header == null) {
        throw new SpeechDataException(manifest, "empty manifest (no header)");
      }
      int[] at = new int[COLUMNS.size()];
      List<String> names = Arrays.stream(header).map(String::strip).toList();
      for (int c = 0; c < at.length; c++) {
        at[c] = names.indexOf(COLUMNS.get(c));
        if (at[c] < 0) {
          throw new SpeechDataException(
              manifest,
              "line 1: missing column '"
                  + COLUMNS.get(c)
                  + "' (DeepSpeech's columns are wav_filename,wav_filesize,transcript; the header"
                  + " has "
                  + String.join(",", names)
                  + ")");
        }
      }
      Path base = manifest.toAbsolutePath().getParent();
      String[] row;
      while ((row = parser.parseNext()) != null) {
        int line = (int) parser.getContext().currentLine();
        if (row.length < header.length) {
          throw new SpeechDataException(
              manifest,
              "line " + line + ": " + row.length + " fields, the header has " + header.length);
        }
        String name = row[at[0]];
        if (name.isBlank()) {
          throw new SpeechDataException(manifest, "line " + line + ": empty wav_filename");
        }
        long size;
        try {
          size = Long.parseLong(row[at[1]].strip());
        } catch (NumberFormatException e) {
          throw new SpeechDataException(
              manifest,
              "line " + line + ": wav_filesize '" + row[at[1]] + "' is not a whole number");
        }
        Path wav = Path.of(name);
        entries.add(
            new ManifestEntry(line, wav.isAbsolute() ? wav : base.resolve(wav), size, row[at[2]]));
      }
    } catch (IOException e) {
      throw new SpeechDataException(manifest, "cannot read: " + e.getMessage());
    } catch (TextParsingException e) {
      throw new SpeechDataException(
          manifest,
          "line " + e.getLineIndex() + ": not a valid CSV row (" + firstLine(e.getMessage()) + ")");
    } finally {
      parser.stopParsing();
    }
    if (entries.isEmpty()) {
      throw new SpeechDataException(manifest, "no utterances (a header and no rows)");
    }
    return entries;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "parse error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
