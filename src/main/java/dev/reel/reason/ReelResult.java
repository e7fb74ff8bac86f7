package dev.reel.reason;

import java.util.List;
import java.util.Map;

/**
 * The reason stage's product.
 *
 * @param passages  every passage of the reel, in corpus order
 * @param ranked    passages best first (the evidence)
 * @param answer    the answer, shaped by the question (see {@code AnswerShaper}), from the first ranked passage; null
 *                  without a question or when nothing kept supports one
 * @param confidence in [0, 1]: how strongly the answer's passage holds the question
 * @param kind      the kind of answer the question asked for (value, path, person, place, time, list, clause)
 * @param items     a list question's items, each with its passage (empty otherwise)
 * @param documents document id and source by document index, for the documents that have kept tokens
 * @param rerankSeconds time spent comparing the question's meaning with the best passages' sentences, or without a
 *                  question ranking the digest (its names counted over the corpus)
 */
public record ReelResult(List<Evidence> passages, List<Evidence> ranked, String answer, double confidence,
                         String kind, List<ListedItem> items, Map<Integer, String[]> documents,
                         double rerankSeconds) {
  /** This result with a list answer of these items (gathered over hops), each with its passage. */
  public ReelResult withItems(List<ListedItem> newItems) {
    return new ReelResult(passages, ranked, ListedItem.join(newItems), confidence, kind, List.copyOf(newItems),
        documents, rerankSeconds);
  }

  /**
   * This result answering {@code chainAnswer}, the end of a chain of facts, with the passage of the fact that gave it
   * first in the ranking ({@code first} may come from an earlier hop's reel; null keeps the ranking).
   */
  public ReelResult withChainAnswer(String chainAnswer, double chainConfidence, String chainKind, Evidence first) {
    List<Evidence> reranked = new java.util.ArrayList<>(ranked);
    if (first != null) {
      reranked.removeIf(e -> key(e).equals(key(first)));
      reranked.add(0, first);
    }
    return new ReelResult(passages, List.copyOf(reranked), chainAnswer, chainConfidence, chainKind, List.of(),
        documents, rerankSeconds);
  }

  /** Identifies a passage across hops. */
  public static String key(Evidence passage) {
    return passage.docId() + "@" + passage.charStart();
  }

}
