package dev.reel.score;

/**
 * Attention under the alpha slider over a sequence of rotated vectors, made by a {@link ComputeBackend} for stage
 * code that must not know the backend. Closing frees the backend's native memory. Not thread-safe: one per task (or
 * per driver stage).
 */
public interface AttentionKernel extends AutoCloseable {
  /**
   * Attends within one sequence. {@code rows} are the rotated query/key vectors {@code [n][dims]}; {@code values} the
   * value rows, or null to skip the output; {@code gravity} picks the shared keys; {@code weights} weigh each query's
   * contribution to the attention received.
   */
  AttentionResult attend(float[] rows, float[] values, int n, int dims, float[] gravity, float[] weights);

  @Override
  void close();
}
