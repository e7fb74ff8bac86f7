package dev.reel.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import dev.reel.bench.TokenCount;

/** Draws the results file and the heatmaps from every row of the outcome table. */
final class EvalMarkdown {
  /** RULER's threshold for the effective length. */
  static final double EFFECTIVE_HIT_RATE = 0.856;
  /** The setting whose heatmaps are drawn. */
  static final String MAIN_SETTING = "default";

  private EvalMarkdown() {}

  static String render(List<OutcomeTable.Row> rows, Path plots, String runs) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append(runs).append("\n## How to read it\n\nEach case plants text into a real haystack at a depth (share of "
        + "the haystack's tokens before it) and runs the real job (ingest, tokenizer, scoring, gather, final pass) "
        + "with its question. **recall**: share of the answer strings' characters whose tokens the buffer kept. "
        + "**hit@k**: every answer string is in the top k evidence passages of answer.json (RULER's string match; "
        + "for multi-value and multi-query every value must be covered, one passage allowed per value). **rank**: the "
        + "evidence rank at which every answer is covered, less one per extra answer (so 1 = the top n passages "
        + "hold the n values; 0 = never). **BM25**: Lucene BM25 over the same planted text's sentences, the question "
        + "as query, the same string match. **effective length**: the longest length at which hit@1 >= "
        + EFFECTIVE_HIT_RATE + " and at every shorter length. common-words is a negative control: a hit needs all "
        + "five words in the answer itself, in at most " + Suite.COMMON_WORDS_REPLY_WORDS + " words. "
        + "The suites about facts that chain (entity-state, object-carried, object-three-facts, variable-chain) are "
        + "scored on the answer itself: hit@1 means the answer names the right place or value and none of the case's "
        + "other places or values; beside them BM25's top sentence and the last sentence naming the entity stand as "
        + "answers under the same rule, and **supporting facts read** is the share of the planted facts the answer "
        + "stands on that the job read over all its hops (answer.json's facts_read). "
        + "jigsaw plants its fact across a chunk border and varies --partitions; a "
        + "run whose reel.parquet is out of order counts as a miss. Every case, with its recall, rank, BM25 rank, tokens "
        + "and seconds, is a row of [outcomes.csv](" + plots.getFileName() + "/outcomes.csv).\n");
    List<String> haystacks = distinct(rows, OutcomeTable.Row::haystack);
    for (String haystack : haystacks) {
      List<OutcomeTable.Row> ofHaystack = filter(rows, r -> r.haystack().equals(haystack));
      md.append("\n## Haystack: ").append(haystack).append("\n\n");
      summary(md, ofHaystack);
      detail(md, ofHaystack);
      depths(md, ofHaystack, plots, haystack);
    }
    return md.toString();
  }

  /** hit@1 per suite and length for every setting, the BM25 baseline and each effective length. */
  private static void summary(StringBuilder md, List<OutcomeTable.Row> rows) {
    List<String> lengths = lengths(rows);
    md.append("### hit@1 by suite and length\n\n| setting | suite | ")
        .append(String.join(" | ", lengths)).append(" | effective length |\n|---|---|")
        .append("---|".repeat(lengths.size() + 1)).append('\n');
    for (String setting : distinct(rows, OutcomeTable.Row::setting)) {
      for (Suite suite : suites(rows)) {
        List<OutcomeTable.Row> cell = filter(rows, r -> r.setting().equals(setting) && r.suite() == suite);
        if (!cell.isEmpty()) {
          md.append(line(setting, suite, lengths, cell, OutcomeTable.Row::rank));
          if (setting.equals(MAIN_SETTING) && cell.stream().anyMatch(r -> r.bm25Rank() >= 0)) {
            md.append(line("BM25 (Lucene)", suite, lengths, filter(cell, r -> r.bm25Rank() >= 0),
                OutcomeTable.Row::bm25Rank));
          }
          if (setting.equals(MAIN_SETTING) && cell.stream().anyMatch(r -> r.lastMention() >= 0)) {
            md.append(line("last sentence naming it", suite, lengths, filter(cell, r -> r.lastMention() >= 0),
                OutcomeTable.Row::lastMention));
          }
        }
      }
    }
  }

  private static String line(String setting, Suite suite, List<String> lengths, List<OutcomeTable.Row> cell,
                             java.util.function.ToIntFunction<OutcomeTable.Row> rank) {
    StringBuilder line = new StringBuilder("| " + setting + " | " + suite.label() + " |");
    String effective = "< " + lengths.get(0);
    boolean passing = true;
    for (String length : lengths) {
      List<OutcomeTable.Row> runs = filter(cell, r -> r.length().equals(length));
      long hits = runs.stream().filter(r -> rank.applyAsInt(r) == 1 && r.ordered()).count();
      line.append(runs.isEmpty() ? " |" : String.format(Locale.ROOT, " %.0f%% (%d) |", 100.0 * hits / runs.size(),
          runs.size()));
      if (!runs.isEmpty() && passing && hits >= EFFECTIVE_HIT_RATE * runs.size()) {
        effective = length;
      } else if (!runs.isEmpty()) {
        passing = false;
      }
    }
    return line.append(' ').append(effective).append(" |\n").toString();
  }

  private static void detail(StringBuilder md, List<OutcomeTable.Row> rows) {
    md.append("\n### Per suite and length\n\n| setting | suite | length | tokens | runs | recall | hit@1 | hit@5 | "
        + "mean rank | BM25 hit@1 | BM25 hit@5 | in order | answer holds all | supporting facts read | "
        + "last mention hit | mean s |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String setting : distinct(rows, OutcomeTable.Row::setting)) {
      for (Suite suite : suites(rows)) {
        for (String length : lengths(rows)) {
          List<OutcomeTable.Row> runs = filter(rows, r -> r.setting().equals(setting) && r.suite() == suite
              && r.length().equals(length));
          if (runs.isEmpty()) {
            continue;
          }
          List<OutcomeTable.Row> bm25 = filter(runs, r -> r.bm25Rank() >= 0);
          List<OutcomeTable.Row> scored = filter(runs, r -> r.answerHit() >= 0);
          List<OutcomeTable.Row> facts = filter(runs, r -> r.factRecall() >= 0);
          md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %.2f | %s | %s | %.1f | %s | %s | %d/%d | "
              + "%s | %s | %s | %.1f |%n", setting, suite.label(), length, runs.stream().mapToLong(OutcomeTable.Row::tokens).max()
              .orElse(0), runs.size(), runs.stream().mapToDouble(OutcomeTable.Row::recall).average().orElse(0),
              share(runs, r -> r.rank() == 1 && r.ordered()), share(runs, r -> r.rank() >= 1 && r.rank() <= 5),
              runs.stream().mapToInt(OutcomeTable.Row::rank).average().orElse(0),
              share(bm25, r -> r.bm25Rank() == 1), share(bm25, r -> r.bm25Rank() >= 1 && r.bm25Rank() <= 5),
              runs.stream().filter(OutcomeTable.Row::ordered).count(), runs.size(),
              share(scored, r -> r.answerHit() == 1), facts.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f",
                  facts.stream().mapToDouble(OutcomeTable.Row::factRecall).average().orElse(0)),
              share(filter(runs, r -> r.lastMention() >= 0), r -> r.lastMention() == 1), runs.stream().mapToDouble(OutcomeTable.Row::seconds).average()
                  .orElse(0)));
        }
      }
    }
  }

  /** The main setting's rank at every length and depth, and its heatmap per suite. */
  private static void depths(StringBuilder md, List<OutcomeTable.Row> rows, Path plots, String haystack)
      throws IOException {
    List<OutcomeTable.Row> main = filter(rows, r -> r.setting().equals(MAIN_SETTING));
    if (main.isEmpty()) {
      return;
    }
    md.append("\n### Rank at every depth (setting ").append(MAIN_SETTING).append("; . = missed)\n");
    for (Suite suite : suites(main)) {
      List<OutcomeTable.Row> ofSuite = filter(main, r -> r.suite() == suite);
      List<Double> depths = ofSuite.stream().map(OutcomeTable.Row::depth).distinct().sorted().toList();
      List<String> lengths = lengths(ofSuite);
      String png = "heatmap-" + haystack + "-" + suite.label() + ".png";
      Heatmap.write(plots.resolve(png), suite.label() + " in " + haystack + " (setting " + MAIN_SETTING + ")",
          lengths, depths, ofSuite);
      md.append("\n**").append(suite.label()).append("** ([heatmap](").append(plots.getFileName()).append('/')
          .append(png).append("))\n\n| length | ")
          .append(depths.stream().map(d -> String.format(Locale.ROOT, "%.0f%%", d * 100)).collect(
              Collectors.joining(" | "))).append(" |\n|---|").append("---|".repeat(depths.size())).append('\n');
      for (String length : lengths) {
        md.append("| ").append(length).append(" |");
        for (double depth : depths) {
          List<OutcomeTable.Row> run = filter(ofSuite, r -> r.length().equals(length) && r.depth() == depth);
          md.append(' ').append(run.isEmpty() ? "" : run.get(0).rank() > 0 ? Integer.toString(run.get(0).rank())
              : ".").append(" |");
        }
        md.append('\n');
      }
    }
  }

  private static String share(List<OutcomeTable.Row> runs, Predicate<OutcomeTable.Row> hit) {
    return runs.isEmpty() ? "-" : runs.stream().filter(hit).count() + "/" + runs.size();
  }

  private static List<String> lengths(List<OutcomeTable.Row> rows) {
    return rows.stream().map(OutcomeTable.Row::length).distinct()
        .sorted(Comparator.comparingLong(TokenCount::parse)).toList();
  }

  private static List<Suite> suites(List<OutcomeTable.Row> rows) {
    return rows.stream().map(OutcomeTable.Row::suite).distinct().sorted().toList();
  }

  private static List<String> distinct(List<OutcomeTable.Row> rows, java.util.function.Function<OutcomeTable.Row,
      String> field) {
    return new ArrayList<>(rows.stream().map(field).distinct().toList());
  }

  private static List<OutcomeTable.Row> filter(List<OutcomeTable.Row> rows, Predicate<OutcomeTable.Row> keep) {
    return rows.stream().filter(keep).toList();
  }
}
