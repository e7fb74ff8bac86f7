package dev.reel.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real-question rows, one per corpus, setting and question, kept across runs in a CSV: a row measured again
 * replaces the old one. Answers are written with their commas and quotes escaped as CSV does.
 */
final class QuestionRows {
  static final String HEADER = "corpus,setting,id,wording,answerable,rank,answer,answer_hit,confidence,bm25_rank,"
      + "dense_rank,reason_seconds,rerank_seconds,tokens,commit,in_reel,dense_in_document_rank";

  /**
   * One question's outcome.
   *
   * @param rank      1-based rank of the first evidence passage holding the answering sentence, 0 when none does
   * @param answer    the job's answer, null when it gave none
   * @param answerHit whether the answer holds an accepted answer (every one, for a list question)
   * @param bm25Rank  the same rank for BM25's sentences, -1 when not run
   * @param denseRank the same rank for dense retrieval's sentences, -1 when not run
   * @param inReel    whether any passage of the reel holds the answering sentence (did selection keep it?)
   * @param denseInDocument dense retrieval's rank of the answering sentence among its own document's sentences (0:
   *                  no sentence holds it whole), -1 when not run
   */
  record Row(String corpus, String setting, String id, String wording, boolean answerable, int rank, String answer,
             boolean answerHit, double confidence, int bm25Rank, int denseRank, double reasonSeconds,
             double rerankSeconds, long tokens, String commit, boolean inReel, int denseInDocument) {
    String key() {
      return corpus + "|" + setting + "|" + id;
    }

    String csv() {
      return String.format(Locale.ROOT, "%s,%s,%s,%s,%b,%d,%s,%b,%.3f,%d,%d,%.3f,%.3f,%d,%s,%b,%d", corpus,
          setting, id, wording, answerable, rank, quoted(answer), answerHit, confidence, bm25Rank, denseRank,
          reasonSeconds, rerankSeconds, tokens, commit, inReel, denseInDocument);
    }

    static Row parse(List<String> f) {
      return new Row(f.get(0), f.get(1), f.get(2), f.get(3), Boolean.parseBoolean(f.get(4)),
          Integer.parseInt(f.get(5)), f.get(6).equals("\\N") ? null : f.get(6), Boolean.parseBoolean(f.get(7)),
          Double.parseDouble(f.get(8)), Integer.parseInt(f.get(9)), Integer.parseInt(f.get(10)),
          Double.parseDouble(f.get(11)), Double.parseDouble(f.get(12)), Long.parseLong(f.get(13)), f.get(14),
          f.size() > 15 && Boolean.parseBoolean(f.get(15)), f.size() > 16 ? Integer.parseInt(f.get(16)) : -1);
    }
  }

  private final Path file;
  private final Map<String, Row> rows = new LinkedHashMap<>();

  QuestionRows(Path file) throws IOException {
    this.file = file;
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("corpus,")) {
          Row row = Row.parse(fields(line));
          rows.put(row.key(), row);
        }
      }
    }
  }

  /** Adds (or replaces) a row and rewrites the file, so a stopped run keeps every row it measured. */
  void append(Row row) throws IOException {
    rows.put(row.key(), row);
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    rows.values().forEach(r -> lines.add(r.csv()));
    Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  List<Row> rows() {
    return List.copyOf(rows.values());
  }

  /** A CSV field: quoted, quotes doubled, line breaks as spaces; null as \N. */
  static String quoted(String text) {
    return text == null ? "\\N" : "\"" + text.replaceAll("\\s+", " ").replace("\"", "\"\"") + "\"";
  }

  /** The fields of one CSV line (quoted fields may hold commas and doubled quotes). */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
