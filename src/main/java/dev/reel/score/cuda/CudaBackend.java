package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.cuDeviceGetCount;
import static org.bytedeco.cuda.global.cudart.cuInit;

import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import dev.reel.score.AttentionKernel;
import dev.reel.score.ChunkScorer;
import dev.reel.score.ComputeBackend;
import dev.reel.score.ScoringModel;
import dev.reel.score.TaskGpu;

/**
 * The CUDA backend: chunk scoring on the GPU the Spark task holds (its "gpu" resource address, else GPU 0) through
 * JavaCPP's CUDA presets and kernels NVRTC compiles at run time, and the driver's final pass in a device buffer bounded
 * by --buffer-mb. Unavailable, with the reason, where the CUDA driver or NVRTC does not load or no GPU is found.
 */
public final class CudaBackend implements ComputeBackend {
  /** Probed once per JVM: a second probe after a failed load reports only "Could not initialize class". */
  private static Optional<String> unavailable;

  @Override
  public String name() {
    return "cuda";
  }

  @Override
  public Optional<String> unavailableReason() {
    synchronized (CudaBackend.class) {
      if (unavailable == null) {
        unavailable = probe();
      }
      return unavailable;
    }
  }

  private static Optional<String> probe() {
    try {
      Loader.load(org.bytedeco.cuda.global.cudart.class);
      Loader.load(org.bytedeco.cuda.global.nvrtc.class);
      int result = cuInit(0);
      if (result != 0) {
        return Optional.of("cuInit failed with " + result + " (no usable CUDA driver or device)");
      }
      int[] count = new int[1];
      if (cuDeviceGetCount(count) != 0 || count[0] == 0) {
        return Optional.of("no CUDA device");
      }
      return Optional.empty();
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      return Optional.of("CUDA does not load: " + e.getMessage());
    }
  }

  @Override
  public ChunkScorer scorer(ScoringModel model) {
    return new CudaChunkScorer(model, taskDevice());
  }

  /** The driver's final pass on GPU 0 (a driver holds no task resource), within {@code deviceBytes}. */
  @Override
  public AttentionKernel attention(double alpha, long deviceBytes) {
    return new CudaFinalPass(alpha, taskDevice(), deviceBytes);
  }

  /** The GPU this Spark task was given (spark.task.resource.gpu.amount), else GPU 0. */
  private static int taskDevice() {
    return TaskGpu.current().map(TaskGpu::device).orElse(0);
  }
}
