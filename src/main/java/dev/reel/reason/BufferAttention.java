package dev.reel.reason;

import java.util.List;
import dev.reel.config.PositionPolicy;
import dev.reel.model.TokenVectors;
import dev.reel.score.AttentionKernel;
import dev.reel.score.AttentionResult;
import dev.reel.score.Candidate;
import dev.reel.score.RotaryEncoding;

/**
 * The final pass's self-attention over the buffer: kept tokens, in corpus order, rotated by RoPE at their original
 * positions (or, with the compact policy, at 0..K-1), attend to each other under the same alpha kernel as the
 * chunks ({@code kernel}, the backend's). Queries weigh in by the question's attention (or, without a question, by
 * importance), so interest flows from the tokens that match the question to the tokens they attend to: the digits
 * beside "pass key", the value beside a variable's name.
 */
final class BufferAttention {
  private BufferAttention() {}

  /** Attention each buffered token receives; {@code byPosition} sorted by position, {@code weights} aligned. */
  static float[] received(List<Candidate> byPosition, double[] weights, TokenVectors attentionVectors,
                          AttentionKernel kernel, PositionPolicy policy) {
    int n = byPosition.size();
    int dims = attentionVectors.dims();
    int[] ids = new int[n];
    long[] positions = new long[n];
    float[] queryWeights = new float[n];
    for (int t = 0; t < n; t++) {
      ids[t] = byPosition.get(t).tokenId();
      positions[t] = policy == PositionPolicy.COMPACT ? t : byPosition.get(t).position();
      queryWeights[t] = (float) weights[t];
    }
    float[] rows = new float[n * dims];
    attentionVectors.gather(ids, n, rows);
    float[] rotated = new RotaryEncoding(dims, 1).rotateAt(rows, positions);
    AttentionResult result = kernel.attend(rotated, null, n, dims, queryWeights, queryWeights);
    return result.received();
  }
}
