package dev.reel.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every evaluated case as one CSV row, kept across eval runs: a run replaces the rows it measured again (same
 * setting, haystack, suite, length and depth) and keeps the others, so the report is drawn from all of them.
 */
final class OutcomeTable {
  static final String HEADER =
      "setting,haystack,suite,length,tokens,depth,recall,rank,bm25_rank,ordered,seconds,run,answer_hit,fact_recall,"
      + "last_mention";

  /**
   * One row.
   *
   * @param length    nominal length label ("4K", "1M")
   * @param bm25Rank  the BM25 baseline's rank on the same planted text, -1 when not run
   * @param run       which run (see runs.md) measured it
   * @param answerHit 1 when the job's answer holds every expected answer, 0 when not, -1 for rows measured before
   *                  answers were scored
   * @param factRecall  for a suite about facts that chain, the share of the supporting facts the job read; -1 for
   *                    other suites
   * @param lastMention for such a suite, 1 when the last sentence naming the entity answers the case, 0 when not;
   *                    -1 for other suites
   */
  record Row(String setting, String haystack, Suite suite, String length, long tokens, double depth, double recall,
             int rank, int bm25Rank, boolean ordered, double seconds, int run, int answerHit, double factRecall,
             int lastMention) {
    String key() {
      return String.join("|", setting, haystack, suite.label(), length, String.format(Locale.ROOT, "%.4f", depth));
    }

    String csv() {
      return String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%.4f,%.4f,%d,%d,%b,%.2f,%d,%d,%.4f,%d", setting, haystack,
          suite.label(), length, tokens, depth, recall, rank, bm25Rank, ordered, seconds, run, answerHit, factRecall,
          lastMention);
    }

    static Row parse(String line) {
      String[] f = line.split(",", -1);
      return new Row(f[0], f[1], Suite.of(f[2]), f[3], Long.parseLong(f[4]), Double.parseDouble(f[5]),
          Double.parseDouble(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]), Boolean.parseBoolean(f[9]),
          Double.parseDouble(f[10]), Integer.parseInt(f[11]), f.length > 12 ? Integer.parseInt(f[12]) : -1,
          f.length > 13 ? Double.parseDouble(f[13]) : -1, f.length > 14 ? Integer.parseInt(f[14]) : -1);
    }
  }

  private final Path file;
  private final Map<String, Row> rows = new LinkedHashMap<>();

  OutcomeTable(Path file) throws IOException {
    this.file = file;
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("setting,")) {
          Row row = Row.parse(line);
          rows.put(row.key(), row);
        }
      }
    }
  }

  int nextRun() {
    return rows.values().stream().mapToInt(Row::run).max().orElse(0) + 1;
  }

  /** Records a row and saves the table at once, so an interrupted run keeps what it measured. */
  void put(Row row) throws IOException {
    rows.put(row.key(), row);
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    rows.values().forEach(r -> lines.add(r.csv()));
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  List<Row> rows() {
    return List.copyOf(rows.values());
  }
}
