package dev.reel.score;

/**
 * The driver's final pass on a backend: attention under the alpha slider over the buffer's rotated vectors, and the
 * question's match against the kept rows. Made by a {@link ComputeBackend} for stage code that must not know the
 * backend. Closing frees the backend's native memory. Not thread-safe: one per driver stage.
 */
public interface AttentionKernel extends AutoCloseable {
  /**
   * Attends within one sequence. {@code rows} are the rotated query/key vectors {@code [n][dims]}; {@code values} the
   * value rows, or null to skip the output; {@code gravity} picks the shared keys; {@code weights} weigh each query's
   * contribution to the attention received.
   */
  AttentionResult attend(float[] rows, float[] values, int n, int dims, float[] gravity, float[] weights);

  /**
   * Each kept row ({@code kept}, {@code [n][dims]}) against each question row ({@code [width][dims]}), as
   * {@link Similarities#dots} computes them: {@code [n][width]}.
   */
  double[] similarities(float[] kept, int n, float[] question, int width, int dims);

  /** The most device memory it has held, in bytes (0 on the CPU): at most the budget it was made with. */
  default long peakDeviceBytes() {
    return 0;
  }

  @Override
  void close();
}
