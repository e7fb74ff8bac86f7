package dev.reel.score;

import java.util.Optional;

/**
 * A compute backend, in the shape of DJL's Engine: found with {@link java.util.ServiceLoader} (listed in
 * META-INF/services), chosen by name with {@link ComputeBackends}. It makes the two things stage code asks of a
 * backend: a chunk scorer for a task, and the attention kernel of the driver's final pass. Stage code sees only this
 * package; what is the same on every backend (DNA lookup, query weights, importance, RoPE angles) is in
 * {@link ChunkScoring} and {@link RotaryEncoding}.
 */
public interface ComputeBackend {
  /** The name --backend uses: "cpu", "cuda". */
  String name();

  /** Why it cannot run in this JVM now (no device, a library that does not load), or empty when it can. */
  Optional<String> unavailableReason();

  /** A scorer for one task's chunks; the caller closes it. */
  ChunkScorer scorer(ScoringModel model);

  /**
   * The final pass's kernel under {@code alpha} with the scoring's temperature and locality; a backend with device
   * memory holds at most {@code deviceBytes} of it (the buffer's --buffer-mb). The caller closes it.
   */
  AttentionKernel attention(double alpha, long deviceBytes);
}
