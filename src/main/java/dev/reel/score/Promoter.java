package dev.reel.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.reel.chunk.TokenChunk;

/**
 * Per-chunk promotion: tokens in order of importance until they hold {@code topP} of the chunk's importance mass
 * (the nucleus), and never more than the chunk budget. A chunk promotes at least {@link #FLOOR} tokens (all of
 * a shorter one): in a short chunk, such as the corpus's last, a few question words can hold the whole nucleus and
 * leave out the answer beside them (measured: a passkey planted at the very end lost its digits).
 */
public final class Promoter {
  /** Fewest tokens a chunk promotes; full chunks reach the budget long before it. */
  static final int FLOOR = 16;
  private final double topP;
  private final int budget;

  public Promoter(double topP, int budget) {
    this.topP = topP;
    this.budget = budget;
  }

  public List<Candidate> promote(TokenChunk chunk, ChunkScores scores) {
    int n = chunk.length();
    float[] importance = scores.importance();
    Integer[] order = new Integer[n];
    double mass = 0;
    for (int i = 0; i < n; i++) {
      order[i] = i;
      mass += Math.max(0, importance[i]);
    }
    Arrays.sort(order, (a, b) -> importance[a] != importance[b]
        ? Float.compare(importance[b], importance[a]) : Integer.compare(a, b));
    List<Candidate> promoted = new ArrayList<>(Math.min(n, budget));
    double taken = 0;
    for (int r = 0; r < n && promoted.size() < budget && (taken < topP * mass || promoted.size() < FLOOR); r++) {
      int i = order[r];
      taken += Math.max(0, importance[i]);
      promoted.add(new Candidate(chunk.positions()[i], importance[i], chunk.docIndex()[i], chunk.ids()[i],
          chunk.charStart()[i], chunk.charEnd()[i], scores.gate()[i], scores.gravity()[i], scores.attention()[i],
          scores.relevance()[i]));
    }
    return promoted;
  }
}
