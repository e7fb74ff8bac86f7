package dev.reel.eval;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The baselines beside the suites about facts that chain, each taking one sentence of the planted text as its
 * answer: BM25's best sentence for the question, and the last sentence naming the entity asked about (what a
 * script that knows where the facts are would read first).
 */
final class FactBaselines {
  private FactBaselines() {}

  /** 1 when BM25's top sentence answers the case (see {@link EvalCase#answeredBy}), else 0. */
  static int bm25(List<String> sentences, EvalCase evalCase) throws IOException {
    try (Bm25Baseline index = new Bm25Baseline(sentences)) {
      List<String> top = index.search(evalCase.question(), 1);
      return !top.isEmpty() && evalCase.answeredBy(top.get(0)) ? 1 : 0;
    }
  }

  /** 1 when the last sentence naming the case's entity answers it, else 0. */
  static int lastMention(List<String> sentences, EvalCase evalCase) {
    String entity = evalCase.facts().entity().replaceFirst("^(?i)the\\s+", "");
    Pattern naming = Pattern.compile("\\b" + Pattern.quote(entity) + "\\b",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    for (int i = sentences.size() - 1; i >= 0; i--) {
      if (naming.matcher(sentences.get(i)).find()) {
        return evalCase.answeredBy(sentences.get(i)) ? 1 : 0;
      }
    }
    return 0;
  }

  /** The share of the case's supporting plants among the facts the job read ({@code read}: their sentences). */
  static double recall(EvalCase evalCase, List<String> read) {
    List<Integer> supporting = evalCase.facts().supporting();
    long found = supporting.stream().map(p -> evalCase.plants().get(p).sentence().strip())
        .filter(s -> read.stream().anyMatch(r -> r.contains(s))).count();
    return supporting.isEmpty() ? 1 : found / (double) supporting.size();
  }
}
