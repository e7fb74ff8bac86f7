package dev.reel.bench;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * The driver's final pass, as the real job ran it on the CPU backend, for the GPU host to run again on CUDA: each
 * case's kernel calls in order (the question match and the buffer's self-attention of every hop) with their inputs
 * and the CPU's outputs, and the CPU run's answer and passages. The GPU host writes back CUDA's outputs
 * ({@link Outputs}), which {@code jobs/bench final-pass-replay} feeds to the same job.
 */
record FinalPassSample(List<Case> cases) implements Serializable {
  /** One kernel call of the final pass. */
  sealed interface Call extends Serializable permits Open, Match, Attend {}

  /** A kernel made for a hop: {@code attention(alpha, deviceBytes)}; the calls after it are its, until the next. */
  record Open(double alpha, long deviceBytes) implements Call {}

  /** {@code similarities}: kept rows {@code [n][dims]} against question rows {@code [width][dims]}. */
  record Match(float[] kept, int n, float[] question, int width, int dims, double[] dots) implements Call {}

  /** {@code attend}: rotated rows {@code [n][dims]}, the attention each token received. */
  record Attend(float[] rows, int n, int dims, float[] gravity, float[] weights, float[] received) implements Call {}

  /**
   * A job run: its name, the job's arguments (without input and output), its kernel calls, and what the CPU run
   * answered: the answer and the evidence passages' texts, in rank order.
   */
  record Case(String name, List<String> arguments, List<Call> calls, String answer, List<String> passages)
      implements Serializable {}

  /**
   * What the GPU host computed for each case's calls, in order: a {@code double[]} for a match, a {@code float[]} for
   * an attend, null for an open.
   */
  record Outputs(List<List<Object>> perCase, String device) implements Serializable {}

  void write(Path file) throws IOException {
    BenchFiles.write(file, this);
  }

  static FinalPassSample read(Path file) throws IOException {
    return BenchFiles.read(file, FinalPassSample.class);
  }
}
