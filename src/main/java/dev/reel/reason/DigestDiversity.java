package dev.reel.reason;

import java.util.ArrayList;
import java.util.List;
import dev.reel.model.SentenceEncoder;

/**
 * A digest's head without repeats: a passage that says again what a stronger one said (MiniLM cosine of at least
 * {@link #REPEAT_COSINE}: the same mail sent twice, quoted in a reply, or re-wrapped) moves behind the head rather
 * than taking a second place in it. Nothing is dropped.
 *
 * <p>Why not maximal marginal relevance: on the digest suite (jobs/results/digest.md) MMR with lambda 0.7 to 0.95
 * pushed out reports of distinct events that merely share their shape ("X reached the summit of Mount Y"), whose
 * nearest cosines run 0.53 to 0.74 on the 5.5 M-token mail haystack, where a spam sent twice sits at 1.00.
 */
public final class DigestDiversity {
  /** Passages of the digest's head that are compared. */
  public static final int HEAD = 100;
  /** A cosine this high says the same thing again. */
  static final double REPEAT_COSINE = 0.9;

  private DigestDiversity() {}

  /** {@code ranked} with the repeats among its first {@link #HEAD} passages moved behind them, in their order. */
  static List<Evidence> withoutRepeats(List<Evidence> ranked, SentenceMeaning meaning) {
    int head = Math.min(HEAD, ranked.size());
    List<int[]> ids = new ArrayList<>(head);
    for (Evidence passage : ranked.subList(0, head)) {
      ids.add(meaning.ids(passage.text()));
    }
    List<float[]> vectors = meaning.encoder().encodeAll(ids);
    List<Evidence> kept = new ArrayList<>(ranked.size());
    List<float[]> keptVectors = new ArrayList<>(head);
    List<Evidence> repeats = new ArrayList<>();
    for (int p = 0; p < head; p++) {
      float[] vector = vectors.get(p);
      if (keptVectors.stream().anyMatch(v -> SentenceEncoder.cosine(v, vector) >= REPEAT_COSINE)) {
        repeats.add(ranked.get(p));
      } else {
        kept.add(ranked.get(p));
        keptVectors.add(vector);
      }
    }
    kept.addAll(repeats);
    kept.addAll(ranked.subList(head, ranked.size()));
    return kept;
  }
}
