package dev.reel.score;

import java.io.Serializable;

/**
 * The alpha slider's shortlist: for a chunk of C tokens each query attends to
 * {@code L(alpha) = round(C^(1 - alpha) * L0^alpha)} keys, so alpha = 0 is exactly dense (L = C) and alpha = 1 is
 * linear in C (L = L0); in between the cost per chunk follows {@code C^(2 - alpha)}. The shortlist mixes a local
 * window around each query (half of L), the chunk's strongest DNA gravity wells and strided anchors (a quarter each;
 * both shared by every query of the chunk).
 *
 * @param alpha     the slider, in [0, 1]
 * @param baseKeys  L0, the shortlist length at alpha = 1
 */
public record AlphaShortlist(double alpha, int baseKeys) implements Serializable {
  public static final int DEFAULT_BASE_KEYS = 64;

  public AlphaShortlist {
    if (alpha < 0 || alpha > 1) {
      throw new IllegalArgumentException("alpha must be in [0, 1]; found " + alpha);
    }
    if (baseKeys < 4) {
      throw new IllegalArgumentException("the base shortlist needs at least 4 keys; found " + baseKeys);
    }
  }

  /** L(alpha) for a chunk of {@code c} tokens, at most c - 1 (a token never attends to itself). */
  public int keys(int c) {
    double length = Math.pow(c, 1 - alpha) * Math.pow(baseKeys, alpha);
    return (int) Math.min(c - 1, Math.max(1, Math.round(length)));
  }

  /** True when the shortlist is the whole chunk. */
  public boolean isDense(int c) {
    return keys(c) >= c - 1;
  }

  /** How far the local window reaches on each side of a query. */
  public int halfWindow(int c) {
    return isDense(c) ? c : Math.max(1, keys(c) / 4);
  }

  /**
   * The half width of each query's band of keys in a sequence of {@code c} whose distance penalty reaches
   * {@code reach} ({@code AttentionReach}): the local window, or where attention is dense, the keys within reach
   * (the ones past it get nothing), so a dense sequence longer than its reach attends in a band.
   */
  public int bandHalf(int c, int reach) {
    return isDense(c) ? Math.min(c, reach) : halfWindow(c);
  }

  /** How many of the shared keys are gravity wells: half of those the window leaves (0 when dense). */
  public int wells(int c) {
    return Math.min(c, sharedCount(c) / 2);
  }

  /** How many of the shared keys are strided anchors: the rest. */
  public int anchors(int c) {
    return sharedCount(c) - wells(c);
  }

  private int sharedCount(int c) {
    return isDense(c) ? 0 : Math.max(0, keys(c) - 2 * halfWindow(c));
  }

  /**
   * The keys every query shares: the strongest gravity wells (ties to the lower index), then strided anchors,
   * sorted and distinct. Empty when dense.
   */
  public int[] sharedKeys(int c, float[] gravity) {
    if (isDense(c)) {
      return new int[0];
    }
    int wells = wells(c);
    int anchors = anchors(c);
    boolean[] chosen = new boolean[c];
    for (int w = 0; w < wells; w++) {
      int best = -1;
      for (int i = 0; i < c; i++) {
        if (!chosen[i] && (best < 0 || gravity[i] > gravity[best])) {
          best = i;
        }
      }
      chosen[best] = true;
    }
    double stride = (double) c / Math.max(1, anchors);
    for (int a = 0; a < anchors; a++) {
      chosen[(int) Math.min(c - 1, Math.floor(a * stride + stride / 2))] = true;
    }
    int count = 0;
    for (boolean b : chosen) {
      count += b ? 1 : 0;
    }
    int[] keys = new int[count];
    for (int i = 0, k = 0; i < c; i++) {
      if (chosen[i]) {
        keys[k++] = i;
      }
    }
    return keys;
  }
}
