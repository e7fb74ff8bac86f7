package dev.reel.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionKernel;
import dev.reel.score.AttentionResult;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ComputeBackend;
import dev.reel.score.ScoringModel;
import dev.reel.score.cpu.CpuBackend;

/**
 * Backends registered as "cuda" for a job run with --backend cuda on a machine without one: the chunk scoring is the
 * CPU backend's; the driver's final pass is either the CPU's, each call recorded, or a replay of what a GPU host
 * computed for the recorded calls, refusing calls whose inputs differ from the recorded ones.
 */
final class FinalPassBackends {
  private FinalPassBackends() {}

  /** The CPU's final pass, each kernel call and its output appended to {@code calls}. */
  static ComputeBackend recording(List<FinalPassSample.Call> calls) {
    return new OnCpu() {
      @Override
      public AttentionKernel attention(double alpha, long deviceBytes) {
        AttentionKernel cpu = this.cpu.attention(alpha, deviceBytes);
        calls.add(new FinalPassSample.Open(alpha, deviceBytes));
        return new AttentionKernel() {
          @Override
          public AttentionResult attend(float[] rows, float[] values, int n, int dims, float[] gravity,
                                        float[] weights) {
            AttentionResult result = cpu.attend(rows, values, n, dims, gravity, weights);
            calls.add(new FinalPassSample.Attend(rows.clone(), n, dims, gravity.clone(), weights.clone(),
                result.received().clone()));
            return result;
          }

          @Override
          public double[] similarities(float[] kept, int n, float[] question, int width, int dims) {
            double[] dots = cpu.similarities(kept, n, question, width, dims);
            calls.add(new FinalPassSample.Match(kept.clone(), n, question.clone(), width, dims, dots.clone()));
            return dots;
          }

          @Override
          public void close() {
            cpu.close();
          }
        };
      }
    };
  }

  /** The final pass answered from {@code outputs}, the GPU host's results for {@code recorded}, in order. */
  static ComputeBackend replaying(List<FinalPassSample.Call> recorded, List<Object> outputs) {
    return new OnCpu() {
      private int next;

      @Override
      public AttentionKernel attention(double alpha, long deviceBytes) {
        AlphaShortlist shortlist = new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS);
        if (!(take() instanceof FinalPassSample.Open open) || open.alpha() != alpha
            || open.deviceBytes() != deviceBytes) {
          throw diverged();
        }
        return new AttentionKernel() {
          @Override
          public AttentionResult attend(float[] rows, float[] values, int n, int dims, float[] gravity,
                                        float[] weights) {
            FinalPassSample.Call call = take();
            if (!(call instanceof FinalPassSample.Attend a) || !Arrays.equals(a.rows(), rows)
                || !Arrays.equals(a.weights(), weights) || !Arrays.equals(a.gravity(), gravity)) {
              throw diverged();
            }
            return new AttentionResult((float[]) outputs.get(next - 1), null, shortlist.keys(n));
          }

          @Override
          public double[] similarities(float[] kept, int n, float[] question, int width, int dims) {
            FinalPassSample.Call call = take();
            if (!(call instanceof FinalPassSample.Match m) || !Arrays.equals(m.kept(), kept)
                || !Arrays.equals(m.question(), question)) {
              throw diverged();
            }
            return (double[]) outputs.get(next - 1);
          }

          @Override
          public void close() {}
        };
      }

      private FinalPassSample.Call take() {
        if (next >= recorded.size()) {
          throw diverged();
        }
        return recorded.get(next++);
      }

      private IllegalStateException diverged() {
        return new IllegalStateException("final-pass replay: call " + next + " is not the recorded run's (its "
            + "inputs differ, or there are more calls): an earlier hop's outcome changed");
      }
    };
  }

  /** Named "cuda", always available, scoring chunks on the CPU backend. */
  private abstract static class OnCpu implements ComputeBackend {
    final CpuBackend cpu = new CpuBackend();

    @Override
    public String name() {
      return "cuda";
    }

    @Override
    public Optional<String> unavailableReason() {
      return Optional.empty();
    }

    @Override
    public ChunkScorer scorer(ScoringModel model) {
      return cpu.scorer(model);
    }
  }
}
