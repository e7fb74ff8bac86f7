package dev.reel.score.cuda;

import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoH;
import static org.bytedeco.cuda.global.cudart.cuMemcpyHtoD;

import static dev.reel.score.cuda.KernelArgs.address;
import static dev.reel.score.cuda.KernelArgs.integer;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionKernel;
import dev.reel.score.AttentionReach;
import dev.reel.score.AttentionResult;
import dev.reel.score.ScoringModel;

/**
 * The driver's final pass on its GPU. The buffer lives in one device allocation that never exceeds the buffer's
 * byte budget (--buffer-mb): the kept rows for the question match, then the rotated rows and softmax statistics of
 * the self-attention, each laid out in it from the start. The kernels are attention.cu's: the attention received
 * over one sequence ({@link AttentionLaunch}), and {@code similarities}: what {@code TorchShortlistAttention} and
 * {@link dev.reel.score.Similarities} compute on the CPU (the question match to the bit). Closing frees the allocation.
 */
public final class CudaFinalPass implements AttentionKernel {
  private static final long ALIGNMENT = 256;
  private final AlphaShortlist shortlist;
  private final CudaContext cuda;
  private final long budget;
  private final DeviceArray buffer = new DeviceArray("final-pass buffer");
  private long peakBytes;

  /** On GPU {@code device}, holding at most {@code budget} bytes of device memory. */
  public CudaFinalPass(double alpha, int device, long budget) {
    this.shortlist = new AlphaShortlist(alpha, AlphaShortlist.DEFAULT_BASE_KEYS);
    this.cuda = CudaContext.on(device);
    this.budget = budget;
  }

  /** The most device bytes its layouts have used so far (never above the budget). */
  @Override
  public long peakDeviceBytes() {
    return peakBytes;
  }

  /** The name of the GPU it runs on. */
  public String deviceName() {
    return cuda.deviceName();
  }

  @Override
  public double[] similarities(float[] kept, int n, float[] question, int width, int dims) {
    double[] dots = new double[n * width];
    if (n == 0 || width == 0) {
      return dots;
    }
    cuda.makeCurrent();
    Layout layout = new Layout();
    long keptAt = layout.take((long) n * dims * Float.BYTES, "kept rows");
    long questionAt = layout.take((long) width * dims * Float.BYTES, "question rows");
    // What is left holds a tile of the output: the whole of it when the budget allows.
    long rowBytes = (long) width * Double.BYTES;
    long tile = Math.min(n, (budget - align(layout.used) - ALIGNMENT) / rowBytes);
    if (tile < 1) {
      throw overBudget(layout.used + rowBytes + ALIGNMENT, "the question match");
    }
    long outAt = layout.take(tile * rowBytes, "similarities");
    reserve(layout);
    copyIn(keptAt, new FloatPointer(dimensionMajor(kept, n, dims)), (long) n * dims * Float.BYTES);
    copyIn(questionAt, new FloatPointer(question), (long) width * dims * Float.BYTES);
    try (DoublePointer host = new DoublePointer(tile * width)) {
      for (int from = 0; from < n; from += (int) tile) {
        int count = (int) Math.min(tile, n - from);
        cuda.launch("similarities", (long) count * width, at(keptAt), integer(n), at(questionAt),
            integer(width), integer(dims), integer(from), integer(count), at(outAt));
        Cuda.check(cuMemcpyDtoH(host, buffer.address() + outAt, (long) count * rowBytes),
            "cuMemcpyDtoH(similarities)");
        host.get(dots, from * width, count * width);
      }
    }
    return dots;
  }

  @Override
  public AttentionResult attend(float[] rows, float[] values, int n, int dims, float[] gravity, float[] weights) {
    if (values != null) {
      throw new UnsupportedOperationException("cuda: the final pass computes no attention output rows");
    }
    float[] received = new float[n];
    if (n < 2) {
      return new AttentionResult(received, null, shortlist.keys(n));
    }
    cuda.makeCurrent();
    int reach = AttentionReach.of(AttentionReach.maxSquaredNorm(rows, n, dims), ScoringModel.ATTENTION_TEMPERATURE,
        ScoringModel.LOCALITY_TOKENS);
    int half = shortlist.bandHalf(n, reach);
    int[] shared = shortlist.sharedKeys(n, gravity);
    int[] sharedSlots = shared.length == 0 ? new int[] {-1} : shared; // an empty slot at least, as a batch has
    int sharedStride = sharedSlots.length;

    Layout layout = new Layout();
    long rowsAt = layout.take((long) n * dims * Float.BYTES, "rotated rows");
    long geometryAt = layout.take(3L * Integer.BYTES, "length, half width, reach");
    long sharedAt = layout.take((long) sharedStride * Integer.BYTES, "shared keys");
    long maximaAt = layout.take((long) n * Float.BYTES, "softmax maxima");
    long sumsAt = layout.take((long) n * Float.BYTES, "softmax sums");
    long weightsAt = layout.take((long) n * Float.BYTES, "query weights");
    long sharedReceivedAt = layout.take((long) sharedStride * Float.BYTES, "shared keys' attention");
    long receivedAt = layout.take((long) n * Float.BYTES, "attention received");
    reserve(layout);
    copyIn(rowsAt, new FloatPointer(dimensionMajor(rows, n, dims)), (long) n * dims * Float.BYTES);
    copyIn(geometryAt, new IntPointer(new int[] {n, half, reach}), 3L * Integer.BYTES);
    copyIn(sharedAt, new IntPointer(sharedSlots), (long) sharedStride * Integer.BYTES);
    copyIn(weightsAt, new FloatPointer(weights), (long) n * Float.BYTES);

    long base = buffer.address();
    new AttentionLaunch(base + rowsAt, dims, 1, 1, 1, n, base + geometryAt, base + geometryAt + Integer.BYTES,
        base + sharedAt, sharedStride, base + geometryAt + 2L * Integer.BYTES, base + maximaAt, base + sumsAt,
        base + weightsAt, base + sharedReceivedAt, base + receivedAt).run(cuda);
    try (FloatPointer host = new FloatPointer(n)) {
      Cuda.check(cuMemcpyDtoH(host, buffer.address() + receivedAt, (long) n * Float.BYTES),
          "cuMemcpyDtoH(attention received)");
      host.get(received);
    }
    return new AttentionResult(received, null, shortlist.keys(n));
  }

  /** Offsets into the one allocation, each aligned; refuses to pass the budget. */
  private final class Layout {
    private long used;

    long take(long bytes, String what) {
      long at = align(used);
      if (at + bytes > budget) {
        throw overBudget(at + bytes, what);
      }
      used = at + bytes;
      return at;
    }
  }

  /** Grows the allocation to what {@code layout} uses; the offsets become device addresses. */
  private void reserve(Layout layout) {
    buffer.reserve(layout.used);
    peakBytes = Math.max(peakBytes, layout.used);
  }

  private IllegalStateException overBudget(long bytes, String what) {
    return new IllegalStateException("cuda: the final pass needs " + bytes + " bytes of device memory for " + what
        + ", more than the buffer's " + budget + " (--buffer-mb)");
  }

  private void copyIn(long offset, Pointer host, long bytes) {
    try (host) {
      Cuda.check(cuMemcpyHtoD(buffer.address() + offset, host, bytes), "cuMemcpyHtoD(final-pass buffer)");
    }
  }

  private Pointer at(long offset) {
    return address(buffer.address() + offset);
  }

  private static long align(long offset) {
    return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  /** Row-major {@code [n][dims]} as dimension-major {@code [dims][n]}: a warp's threads read adjacent floats. */
  private static float[] dimensionMajor(float[] rows, int n, int dims) {
    float[] out = new float[n * dims];
    for (int t = 0; t < n; t++) {
      for (int d = 0; d < dims; d++) {
        out[d * n + t] = rows[t * dims + d];
      }
    }
    return out;
  }

  @Override
  public void close() {
    buffer.close();
  }
}
