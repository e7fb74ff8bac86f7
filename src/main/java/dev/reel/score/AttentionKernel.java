package dev.reel.score;

import dev.reel.score.cpu.TorchShortlistAttention;

/**
 * Attention under the alpha slider over a sequence of rotated vectors, for stage code that must not know the
 * backend. Closing frees the backend's native memory. Not thread-safe: one per task (or per driver stage).
 */
public interface AttentionKernel extends AutoCloseable {
  /** See {@link TorchShortlistAttention#attend}. */
  AttentionResult attend(float[] rows, float[] values, int n, int dims, float[] gravity, float[] weights);

  @Override
  void close();

  /** The CPU kernel (PyTorch engine) with the scoring's temperature and locality; no token attends to itself. */
  static AttentionKernel cpu(double alpha) {
    return new TorchShortlistAttention(new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS),
        ScoringModel.ATTENTION_TEMPERATURE, ScoringModel.LOCALITY_TOKENS, true).owningManager();
  }
}
