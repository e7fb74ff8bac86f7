package dev.reel.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import dev.reel.bench.BenchReport;

/** The real-question report: totals per corpus and setting against the baselines, then every question's row. */
final class QuestionReport {
  private QuestionReport() {}

  static String render(List<QuestionRows.Row> rows, Path results) throws IOException {
    StringBuilder md = new StringBuilder(BenchReport.header("Real questions over real documents",
        "jobs/eval questions --report-only"));
    Path runs = results.resolve("runs.md");
    if (Files.isRegularFile(runs)) {
      md.append("Runs that measured the rows below:\n\n").append(Files.readString(runs)).append('\n');
    }
    Path notes = results.resolve("notes.md");
    if (Files.isRegularFile(notes)) {
      md.append(Files.readString(notes)).append('\n');
    }
    md.append("## Totals\n\n")
        .append("Top passage: the job's first evidence passage holds the answering sentence (BM25, dense: their first "
            + "sentence). Answer: the job's `answer` holds an accepted answer (every item, for a list question). "
            + "Null: the job answered `null`. Kept: some passage of the reel holds the answering sentence.\n\n")
        .append("| corpus | setting | questions | top passage | top 5 | BM25 top 1 | BM25 top 5 | dense top 1 "
            + "| dense top 5 | answer | different wording: top passage / BM25 / dense | unanswerable: null "
            + "| kept in the reel | reason s (mean) | re-rank s (mean) |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    StringBuilder ceiling = new StringBuilder("\nDense retrieval within the answer's own document: the answering "
        + "sentence's rank among the sentences of the one document that holds it, by the same MiniLM vectors (what "
        + "sentence vectors could do, were the right document already found).\n\n"
        + "| corpus | setting | same wording: top 1 | top 5 | different wording: top 1 | top 5 |\n|---|---|---|---|---|---|\n");
    Map<String, List<QuestionRows.Row>> groups = new TreeMap<>();
    rows.forEach(r -> groups.computeIfAbsent(r.corpus() + "|" + r.setting(), k -> new ArrayList<>()).add(r));
    for (List<QuestionRows.Row> group : groups.values()) {
      md.append(totals(group));
      ceiling.append(withinDocument(group));
    }
    md.append(ceiling);
    md.append("\n## Every question\n\nRanks are 1-based, 0 when the first 10 miss; dense in doc: dense retrieval's "
        + "rank within the answer's own document (-1: not measured).\n\n| corpus | setting | id | wording | kept "
        + "| rank | BM25 | dense | dense in doc | answer | right | confidence | reason s |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (QuestionRows.Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %d | %d | %d | %s | %s | %.3f | %.2f |%n",
          r.corpus(), r.setting(), r.id(), r.answerable() ? r.wording() : "unanswerable",
          r.answerable() ? (r.inReel() ? "yes" : "no") : "-", r.rank(), r.bm25Rank(),
          r.denseRank(), r.denseInDocument(),
          r.answer() == null ? "null" : "`" + r.answer().replace("|", "\\|").replace("`", "'") + "`",
          r.answerable() ? (r.answerHit() ? "yes" : "no") : (r.answer() == null ? "yes" : "no"), r.confidence(),
          r.reasonSeconds()));
    }
    return md.toString();
  }

  private static String totals(List<QuestionRows.Row> group) {
    List<QuestionRows.Row> answerable = group.stream().filter(QuestionRows.Row::answerable).toList();
    List<QuestionRows.Row> different = answerable.stream().filter(r -> "different".equals(r.wording())).toList();
    List<QuestionRows.Row> none = group.stream().filter(r -> !r.answerable()).toList();
    QuestionRows.Row first = group.get(0);
    return String.format(Locale.ROOT, "| %s | %s | %d + %d unanswerable | %s | %s | %s | %s | %s | %s | %s | %s / %s "
            + "/ %s | %s | %s | %.2f | %.2f |%n", first.corpus(), first.setting(), answerable.size(), none.size(),
        share(answerable, r -> r.rank() == 1), share(answerable, r -> r.rank() >= 1 && r.rank() <= 5),
        share(bm25(answerable), r -> r.bm25Rank() == 1),
        share(bm25(answerable), r -> r.bm25Rank() >= 1 && r.bm25Rank() <= 5),
        share(dense(answerable), r -> r.denseRank() == 1),
        share(dense(answerable), r -> r.denseRank() >= 1 && r.denseRank() <= 5),
        share(answerable, QuestionRows.Row::answerHit), share(different, r -> r.rank() == 1),
        share(bm25(different), r -> r.bm25Rank() == 1), share(dense(different), r -> r.denseRank() == 1),
        share(none, r -> r.answer() == null), share(answerable, QuestionRows.Row::inReel),
        group.stream().mapToDouble(QuestionRows.Row::reasonSeconds).average().orElse(0),
        group.stream().mapToDouble(QuestionRows.Row::rerankSeconds).average().orElse(0));
  }

  private static String withinDocument(List<QuestionRows.Row> group) {
    List<QuestionRows.Row> measured = group.stream().filter(r -> r.answerable() && r.denseInDocument() >= 0).toList();
    List<QuestionRows.Row> same = measured.stream().filter(r -> "same".equals(r.wording())).toList();
    List<QuestionRows.Row> different = measured.stream().filter(r -> "different".equals(r.wording())).toList();
    Predicate<QuestionRows.Row> first = r -> r.denseInDocument() == 1;
    Predicate<QuestionRows.Row> five = r -> r.denseInDocument() >= 1 && r.denseInDocument() <= 5;
    return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", group.get(0).corpus(),
        group.get(0).setting(), share(same, first), share(same, five), share(different, first),
        share(different, five));
  }

  /** The rows where BM25 ran (-1: --no-baselines). */
  private static List<QuestionRows.Row> bm25(List<QuestionRows.Row> rows) {
    return rows.stream().filter(r -> r.bm25Rank() >= 0).toList();
  }

  private static List<QuestionRows.Row> dense(List<QuestionRows.Row> rows) {
    return rows.stream().filter(r -> r.denseRank() >= 0).toList();
  }

  private static String share(List<QuestionRows.Row> rows, Predicate<QuestionRows.Row> hit) {
    if (rows.isEmpty()) {
      return "-";
    }
    long count = rows.stream().filter(hit).count();
    return String.format(Locale.ROOT, "%d/%d (%.0f%%)", count, rows.size(), 100.0 * count / rows.size());
  }
}
