package dev.reel.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.reel.bench.BenchReport;

/** DIR.md from DIR/rows.csv: every digest run's row, as measured, with how to read it, then DIR/notes.md if any. */
final class DigestReport {
  private DigestReport() {}

  static void write(Path results) throws IOException {
    List<String> rows = Files.readAllLines(results.resolve("rows.csv"));
    StringBuilder md = new StringBuilder(BenchReport.header("Digest suite: the reel without a question",
        "jobs/eval [--haystack NAME | --from PATHS] digest --lengths ... --plants N (one row per run and length)"));
    md.append("Informative sentences (events with invented names, a number and a date, `DigestSentences`, seed "
        + "`--seed`) are planted evenly through a real haystack; the job runs with no question and its defaults "
        + "(tastes learned from the corpus, importance weighted by how much a token tells; the rows at 51734dd "
        + "ranked the digest by its kept tokens' importance, later rows by specificity, see `DigestRanking`). "
        + "**reel**: planted sentences held whole by its strongest passages (digest.json), twice as many passages "
        + "as planted. "
        + "**LexRank**: continuous LexRank over every sentence of the haystack (Lucene English TF-IDF, damping "
        + "0.15), best sentences until they hold as many characters as the reel's passages (**budget**). "
        + "**random**: a seeded random pick of sentences to the same budget. **function words**: share of the reel's "
        + "kept whole-word tokens in ").append(FunctionWords.LIST).append(". A row with 0 planted measures the "
        + "function words alone.\n\n")
        .append("| haystack | tokens | planted | reel | LexRank | random | budget chars | function words | reel s "
            + "| commit | date |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String row : rows) {
      String[] f = row.split(",");
      boolean none = f[2].equals("0");
      md.append("| ").append(f[0]).append(" | ").append(f[1]).append(" | ").append(f[2]).append(" | ")
          .append(none ? "-" : f[3]).append(" | ").append(none ? "-" : f[4]).append(" | ").append(none ? "-" : f[5])
          .append(" | ").append(f[6]).append(" | ")
          .append(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * Double.parseDouble(f[7])))
          .append(" | ").append(f[8]).append(" | ").append(f[9]).append(" | ").append(f[10]).append(" |\n");
    }
    Path notes = results.resolve("notes.md");
    if (Files.exists(notes)) {
      md.append('\n').append(Files.readString(notes));
    }
    BenchReport.write(results.resolveSibling(results.getFileName() + ".md"), md.toString());
  }
}
