package dev.reel.score;

/**
 * What one chunk promoted for one question: the promoted tokens' indices in the chunk, best first, with their scores
 * ({@link ChunkScores}' columns, aligned with {@code index}).
 */
public record ChunkPromotion(int[] index, float[] importance, int[] gate, float[] gravity, float[] attention,
                             float[] relevance) {
  /** A promotion of {@code count} tokens, its columns to fill. */
  public static ChunkPromotion ofSize(int count) {
    return new ChunkPromotion(new int[count], new float[count], new int[count], new float[count], new float[count],
        new float[count]);
  }

  public int count() {
    return index.length;
  }
}
