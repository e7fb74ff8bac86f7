package dev.reel.reason;

import java.util.List;
import java.util.Map;

/**
 * The reason stage's product.
 *
 * @param passages  every passage of the reel, in corpus order
 * @param ranked    passages best first (the evidence)
 * @param answer    the best passage's text, or null without a question
 * @param documents document id and source by document index, for the documents that have kept tokens
 */
public record ReelResult(List<Evidence> passages, List<Evidence> ranked, String answer,
                         Map<Integer, String[]> documents) {
  /** Identifies a passage across hops. */
  public static String key(Evidence passage) {
    return passage.docId() + "@" + passage.charStart();
  }

  /** This result without the given passages in its ranking (a later hop must find something new). */
  public ReelResult excluding(java.util.Set<String> keys) {
    List<Evidence> kept = ranked.stream().filter(e -> !keys.contains(key(e))).toList();
    return new ReelResult(passages, kept, answer == null || kept.isEmpty() ? answer : kept.get(0).text(), documents);
  }
}
