package dev.reel.reason;

import java.util.List;
import java.util.Map;

/**
 * The reason stage's product.
 *
 * @param passages  every passage of the reel, in corpus order
 * @param ranked    passages best first (the evidence)
 * @param answer    the exact answer found in the best passage (its text when no narrower answer stands out), or
 *                  null without a question
 * @param documents document id and source by document index, for the documents that have kept tokens
 */
public record ReelResult(List<Evidence> passages, List<Evidence> ranked, String answer,
                         Map<Integer, String[]> documents) {
  /** Identifies a passage across hops. */
  public static String key(Evidence passage) {
    return passage.docId() + "@" + passage.charStart();
  }

}
