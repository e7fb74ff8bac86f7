package dev.reel.score;

import java.util.ArrayList;
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
  public static final int FLOOR = 16;
  private final double topP;
  private final int budget;

  public Promoter(double topP, int budget) {
    this.topP = topP;
    this.budget = budget;
  }

  /** The nucleus: the share of a chunk's importance mass it promotes. */
  public double topP() {
    return topP;
  }

  /** The most tokens a chunk promotes. */
  public int budget() {
    return budget;
  }

  /** Where promoted tokens go: asked first whether it would keep one, so a token it would not is never built. */
  public interface Sink {
    /** Whether a candidate of this score and position would be kept. */
    boolean keeps(float score, long position);

    /** Takes a promoted candidate; {@link #keeps} said yes. */
    void offer(Candidate candidate);
  }

  /** The chunk's promotion: its tokens in order of importance until they hold the nucleus, at most the budget. */
  public ChunkPromotion select(ChunkScores scores, int n) {
    float[] importance = scores.importance();
    double mass = 0;
    for (int i = 0; i < n; i++) {
      mass += Math.max(0, importance[i]);
    }
    int[] order = best(importance, n, budget);
    int promoted = 0;
    double taken = 0;
    while (promoted < order.length && (taken < topP * mass || promoted < FLOOR)) {
      taken += Math.max(0, importance[order[promoted]]);
      promoted++;
    }
    ChunkPromotion promotion = ChunkPromotion.ofSize(promoted);
    for (int r = 0; r < promoted; r++) {
      int i = order[r];
      promotion.index()[r] = i;
      promotion.importance()[r] = importance[i];
      promotion.gate()[r] = scores.gate()[i];
      promotion.gravity()[r] = scores.gravity()[i];
      promotion.attention()[r] = scores.attention()[i];
      promotion.relevance()[r] = scores.relevance()[i];
    }
    return promotion;
  }

  /** Offers a chunk's promoted tokens to {@code sink}; returns how many it promoted, kept or not. */
  public static int offer(TokenChunk chunk, ChunkPromotion promotion, Sink sink) {
    for (int r = 0; r < promotion.count(); r++) {
      int i = promotion.index()[r];
      long position = chunk.positions()[i];
      float score = promotion.importance()[r];
      if (sink.keeps(score, position)) {
        sink.offer(new Candidate(position, score, chunk.docIndex()[i], chunk.ids()[i], chunk.charStart()[i],
            chunk.charEnd()[i], promotion.gate()[r], promotion.gravity()[r], promotion.attention()[r],
            promotion.relevance()[r]));
      }
    }
    return promotion.count();
  }

  /** Every promoted token of the chunk, best first. */
  public List<Candidate> promote(TokenChunk chunk, ChunkScores scores) {
    List<Candidate> promoted = new ArrayList<>();
    offer(chunk, select(scores, chunk.length()), new Sink() {
      @Override
      public boolean keeps(float score, long position) {
        return true;
      }

      @Override
      public void offer(Candidate candidate) {
        promoted.add(candidate);
      }
    });
    return promoted;
  }

  /**
   * The indices of the {@code k} most important of the first {@code n} tokens, best first (ties to the lower index),
   * kept in a sorted array by insertion: no boxing, and k (the chunk budget) is small beside n.
   */
  static int[] best(float[] importance, int n, int k) {
    int[] top = new int[Math.min(n, k)];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (size == top.length && importance[i] <= importance[top[size - 1]]) {
        continue; // not better than the worst kept; an equal one has a higher index, so it ranks below
      }
      int at = size == top.length ? size - 1 : size;
      while (at > 0 && importance[i] > importance[top[at - 1]]) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = i;
      size = Math.min(top.length, size + 1);
    }
    return top;
  }
}
