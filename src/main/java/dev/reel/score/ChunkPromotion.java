package dev.reel.score;

/**
 * What one chunk promoted for one question: the promoted tokens' indices in the chunk, best first, with their scores
 * ({@link ChunkScores}' columns, aligned with {@code index}).
 */
public record ChunkPromotion(int[] index, float[] importance, int[] gate, float[] gravity, float[] attention,
                             float[] relevance) {
  public int count() {
    return index.length;
  }
}
