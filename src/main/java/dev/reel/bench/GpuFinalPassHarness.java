package dev.reel.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.reel.score.cuda.CudaFinalPass;

/**
 * The GPU host's check of the driver's final pass, with no Spark: runs a {@link FinalPassSample}'s recorded calls on
 * {@link CudaFinalPass}, each hop's kernel made with the recorded alpha and byte budget (--buffer-mb), compares the
 * outputs with the CPU's, reads the device's free memory before each kernel's first call and after each call, and
 * writes CUDA's outputs for {@code jobs/bench final-pass-replay}. One JSON line per case.
 *
 * <p>Usage: {@code GpuFinalPassHarness SAMPLE OUTPUTS}.
 */
public final class GpuFinalPassHarness {
  private GpuFinalPassHarness() {}

  public static void main(String[] args) throws Exception {
    FinalPassSample sample = FinalPassSample.read(Path.of(args[0]));
    run(sample.cases().get(0)); // warm-up: the context, the module's kernels loaded, before memory is read
    boolean holds = true;
    List<List<Object>> perCase = new ArrayList<>();
    String device = null;
    for (FinalPassSample.Case c : sample.cases()) {
      Result result = run(c);
      perCase.add(result.outputs);
      device = result.device;
      holds &= result.holds();
      System.out.println(result.json(c));
    }
    BenchFiles.write(Path.of(args[1]), new FinalPassSample.Outputs(perCase, device));
    System.exit(holds ? 0 : 1);
  }

  /** One case on CUDA: its outputs, how far they are from the CPU's, the device memory its kernels took. */
  private static final class Result {
    final List<Object> outputs = new ArrayList<>();
    String device;
    int matches;
    int identicalMatches;
    double matchMaxAbsDiff;
    int attends;
    double receivedMaxDiffOfLargest;
    long budget;
    long peakLayout;
    long maxUsed;
    boolean overBudget;

    boolean holds() {
      return identicalMatches == matches && receivedMaxDiffOfLargest <= 1e-3 && !overBudget;
    }

    String json(FinalPassSample.Case c) {
      return String.format(Locale.ROOT, "{\"check\": \"final pass\", \"case\": \"%s\", \"matches\": %d, "
          + "\"matches_identical\": %d, \"match_max_abs_diff\": %.3e, \"attends\": %d, "
          + "\"received_max_diff_of_largest\": %.3e, \"budget_bytes\": %d, \"peak_layout_bytes\": %d, "
          + "\"device_bytes_used_max\": %d, \"within_budget\": %s, \"device\": \"%s\"}", c.name(), matches,
          identicalMatches, matchMaxAbsDiff, attends, receivedMaxDiffOfLargest, budget, peakLayout, maxUsed,
          !overBudget, device);
    }
  }

  private static Result run(FinalPassSample.Case c) {
    Result result = new Result();
    CudaFinalPass kernel = null;
    long freeBefore = 0;
    try {
      for (FinalPassSample.Call call : c.calls()) {
        if (call instanceof FinalPassSample.Open open) {
          close(kernel, result);
          kernel = new CudaFinalPass(open.alpha(), 0, open.deviceBytes());
          result.budget = Math.max(result.budget, open.deviceBytes());
          freeBefore = GpuHarness.freeBytes();
          result.outputs.add(null);
        } else if (call instanceof FinalPassSample.Match m) {
          result.outputs.add(match(kernel, m, result));
        } else if (call instanceof FinalPassSample.Attend a) {
          result.outputs.add(attend(kernel, a, result));
        }
        long used = freeBefore - GpuHarness.freeBytes();
        result.maxUsed = Math.max(result.maxUsed, used);
        result.overBudget |= used > result.budget;
      }
    } finally {
      close(kernel, result);
    }
    return result;
  }

  private static double[] match(CudaFinalPass kernel, FinalPassSample.Match m, Result result) {
    double[] dots = kernel.similarities(m.kept(), m.n(), m.question(), m.width(), m.dims());
    result.matches++;
    boolean identical = true;
    for (int i = 0; i < dots.length; i++) {
      identical &= Double.doubleToLongBits(dots[i]) == Double.doubleToLongBits(m.dots()[i]);
      result.matchMaxAbsDiff = Math.max(result.matchMaxAbsDiff, Math.abs(dots[i] - m.dots()[i]));
    }
    result.identicalMatches += identical ? 1 : 0;
    return dots;
  }

  private static float[] attend(CudaFinalPass kernel, FinalPassSample.Attend a, Result result) {
    float[] received = kernel.attend(a.rows(), null, a.n(), a.dims(), a.gravity(), a.weights()).received();
    result.attends++;
    result.receivedMaxDiffOfLargest = Math.max(result.receivedMaxDiffOfLargest,
        maxDiffOfLargest(received, a.received()));
    return received;
  }

  private static void close(CudaFinalPass kernel, Result result) {
    if (kernel != null) {
      result.peakLayout = Math.max(result.peakLayout, kernel.peakDeviceBytes());
      result.device = kernel.deviceName();
      kernel.close();
    }
  }

  /** The largest difference, as a share of the largest value the CPU gave. */
  private static double maxDiffOfLargest(float[] actual, float[] expected) {
    double largest = 0;
    double diff = 0;
    for (int i = 0; i < expected.length; i++) {
      largest = Math.max(largest, Math.abs(expected[i]));
      diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    }
    return largest == 0 ? diff : diff / largest;
  }
}
