package dev.reel.eval;

import java.util.Locale;

/** Aggregation of the evaluation's outcomes into results-table rows (files are written by BenchReport). */
final class EvalReport {
  private EvalReport() {}

  /** Aggregates outcomes over depths. */
  static final class Tally {
    private int runs;
    private double recall;
    private int hit1;
    private int hit5;
    private double rank;

    void add(CaseRunner.Outcome outcome) {
      runs++;
      recall += outcome.recall();
      hit1 += outcome.hit(1) ? 1 : 0;
      hit5 += outcome.hit(5) ? 1 : 0;
      rank += outcome.rank();
    }

    String row() {
      return String.format(Locale.ROOT, "%.2f | %d/%d | %d/%d | %.1f |", recall / runs, hit1, runs, hit5, runs,
          rank / runs);
    }
  }
}
