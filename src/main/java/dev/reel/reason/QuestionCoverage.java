package dev.reel.reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.reel.score.Candidate;
import dev.reel.tokenize.QuestionTokens.Weighted;

/**
 * How much of the question a passage holds, counted in its best window of {@link #WINDOW} positions the way the
 * sequential dependence model of retrieval counts it: each question token's soft count (the kept tokens' matches),
 * and each pair of consecutive question tokens' count as an ordered phrase (two kept tokens side by side, the first
 * matching the first, the second the second). Every count saturates as BM25's {@code tf / (tf + 1)}; tokens weigh
 * their rarity weights, a pair the mean of its two; the sum is normalised to [0, 1).
 *
 * <p>Saturation is the point: in a 10 M-token dictionary a definition repeating "key" five times must not outrank the
 * sentence holding both "pass" and "key" (measured: it did, when passages ranked by summed attention alone). The
 * phrase counts tell "The pass key is 58654." from the headword "Pass-key", which holds the same words apart. The
 * window keeps a long passage, merged from many sentences, from adding up matches that stand far apart, and a short
 * one from being diluted by its neighbours (BM25's length normalisation did, when passages were the unit).
 */
final class QuestionCoverage {
  /** Positions in the window where a passage's matches count together: a sentence or two. */
  static final int WINDOW = 32;
  /**
   * What the question attention a passage holds adds to its coverage: it breaks near ties. It grows with every match,
   * unsaturated, so at full weight repetition won again (measured: 80 dictionary entries stuffed with "key" outranked
   * the planted passkey sentence by their attention alone).
   */
  static final double ATTENTION_WEIGHT = 0.1;

  private QuestionCoverage() {}

  /**
   * The passages scored by coverage plus a tenth of the question attention they hold ({@link #ATTENTION_WEIGHT});
   * {@code rows} maps a token to its row.
   */
  static List<Evidence> score(List<Evidence> passages, QuestionAttention match, Map<Candidate, Integer> rows,
                              Weighted question) {
    List<Evidence> scored = new ArrayList<>(passages.size());
    for (Evidence passage : passages) {
      scored.add(passage.withScore(coverage(passage.tokens(), match, rows, question.weights())
          + ATTENTION_WEIGHT * passage.score()));
    }
    return scored;
  }

  /** Coverage of the best window of one passage's kept tokens (in position order). */
  static double coverage(List<Candidate> tokens, QuestionAttention match, Map<Candidate, Integer> rows,
                         float[] weights) {
    int[] row = tokens.stream().mapToInt(rows::get).toArray();
    double best = 0;
    for (int first = 0; first < row.length; first++) {
      int end = first;
      while (end < row.length && tokens.get(end).position() - tokens.get(first).position() < WINDOW) {
        end++;
      }
      best = Math.max(best, window(tokens, row, first, end, match, weights));
    }
    return best;
  }

  /** Coverage of kept tokens {@code [first, end)}. */
  private static double window(List<Candidate> tokens, int[] row, int first, int end, QuestionAttention match,
                               float[] weights) {
    double held = 0;
    double total = 0;
    for (int q = 0; q < weights.length; q++) {
      double tf = 0;
      for (int t = first; t < end; t++) {
        tf += match.match(row[t], q);
      }
      held += weights[q] * saturated(tf);
      total += weights[q];
      if (q + 1 < weights.length) {
        double pairs = 0;
        for (int t = first; t + 1 < end; t++) {
          if (tokens.get(t + 1).position() - tokens.get(t).position() == 1) {
            pairs += match.match(row[t], q) * match.match(row[t + 1], q + 1);
          }
        }
        double pairWeight = (weights[q] + weights[q + 1]) / 2;
        held += pairWeight * saturated(pairs);
        total += pairWeight;
      }
    }
    return total > 0 ? held / total : 0;
  }

  private static double saturated(double count) {
    return count / (count + 1);
  }
}
