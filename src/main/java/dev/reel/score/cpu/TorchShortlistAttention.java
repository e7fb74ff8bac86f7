package dev.reel.score.cpu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionResult;

/**
 * Bidirectional attention inside a chunk under the alpha slider, on the PyTorch engine. Queries are processed in
 * blocks; each block scores a band of keys around it (masked to each query's window) and the chunk's shared keys
 * (masked where the window already holds them), then one softmax over both. At alpha = 0 the band is the whole
 * chunk: exactly dense attention. Logits are {@code q.k / temperature - |i - j| / locality}; a token never attends
 * to itself when {@code maskSelf}.
 */
public final class TorchShortlistAttention {
  /** Dense blocks hold about this many logits at once. */
  private static final long DENSE_BLOCK_LOGITS = 4L << 20;
  private static final float MASKED = -1e9f;

  private final AlphaShortlist shortlist;
  private final float temperature;
  private final float locality;
  private final boolean maskSelf;

  /** {@code locality <= 0} turns the distance penalty off. */
  public TorchShortlistAttention(AlphaShortlist shortlist, float temperature, float locality, boolean maskSelf) {
    this.shortlist = shortlist;
    this.temperature = temperature;
    this.locality = locality;
    this.maskSelf = maskSelf;
  }

  /**
   * Attends within one chunk. {@code rows} are the rotated query/key vectors {@code [n][dims]}; {@code values} the
   * value rows or null to skip the output; {@code gravity} picks the shared wells; {@code weights} weigh each
   * query's contribution to the attention received.
   */
  public AttentionResult attend(NDManager scope, float[] rows, float[] values, int n, int dims, float[] gravity,
                                float[] weights) {
    float[] received = new float[n];
    float[] output = values == null ? null : new float[n * dims];
    if (n < 2) {
      return new AttentionResult(received, output, 0);
    }
    int half = shortlist.halfWindow(n);
    int[] shared = shortlist.sharedKeys(n, gravity);
    NDArray keys = scope.create(rows, new Shape(n, dims));
    NDArray valueRows = values == null ? null : scope.create(values, new Shape(n, dims));
    NDArray sharedKeys = shared.length == 0 ? null : scope.create(pick(rows, shared, dims), new Shape(shared.length, dims));
    NDArray sharedValues = shared.length == 0 || values == null ? null
        : scope.create(pick(values, shared, dims), new Shape(shared.length, dims));
    NDArray sharedPositions = scope.create(toFloats(shared));
    int block = shortlist.isDense(n) ? (int) Math.max(1, Math.min(n, DENSE_BLOCK_LOGITS / n)) : Math.max(64, 2 * half);
    for (int start = 0; start < n; start += block) {
      int end = Math.min(n, start + block);
      try (NDManager step = scope.newSubManager()) {
        int lo = Math.max(0, start - half);
        int hi = Math.min(n, end + half);
        NDArray queries = keys.get("{}:{}", start, end);
        NDArray queryPositions = step.arange((float) start, (float) end).reshape(end - start, 1);
        NDArray distance = queryPositions.sub(step.arange((float) lo, (float) hi).reshape(1, hi - lo)).abs();
        NDArray bandMask = distance.gt(half);
        NDArray band = logits(queries, keys.get("{}:{}", lo, hi), distance, bandMask);
        NDArray probabilities;
        if (sharedKeys == null) {
          probabilities = band.softmax(1);
        } else {
          NDArray sharedDistance = queryPositions.sub(sharedPositions.reshape(1, shared.length)).abs();
          NDArray sharedMask = sharedDistance.lte(half);
          probabilities = NDArrays.concat(new NDList(band, logits(queries, sharedKeys, sharedDistance, sharedMask)), 1)
              .softmax(1);
        }
        NDArray queryWeights = step.create(java.util.Arrays.copyOfRange(weights, start, end), new Shape(1, end - start));
        float[] toKeys = queryWeights.matMul(probabilities).toFloatArray();
        for (int j = lo; j < hi; j++) {
          received[j] += toKeys[j - lo];
        }
        for (int s = 0; s < shared.length; s++) {
          received[shared[s]] += toKeys[hi - lo + s];
        }
        if (values != null) {
          NDArray bandProbabilities = probabilities.get(":, {}:{}", 0, hi - lo);
          NDArray out = bandProbabilities.matMul(valueRows.get("{}:{}", lo, hi));
          if (sharedValues != null) {
            out = out.add(probabilities.get(":, {}:", hi - lo).matMul(sharedValues));
          }
          System.arraycopy(out.toFloatArray(), 0, output, start * dims, (end - start) * dims);
        }
      }
    }
    return new AttentionResult(received, output, shortlist.keys(n));
  }

  private NDArray logits(NDArray queries, NDArray keys, NDArray distance, NDArray excluded) {
    NDArray logits = queries.matMul(keys.transpose()).div(temperature);
    if (locality > 0) {
      logits = logits.sub(distance.div(locality));
    }
    NDArray masked = maskSelf ? excluded.logicalOr(distance.eq(0)) : excluded;
    return logits.add(masked.toType(DataType.FLOAT32, false).mul(MASKED));
  }

  private static float[] pick(float[] rows, int[] indices, int dims) {
    float[] picked = new float[indices.length * dims];
    for (int s = 0; s < indices.length; s++) {
      System.arraycopy(rows, indices[s] * dims, picked, s * dims, dims);
    }
    return picked;
  }

  private static float[] toFloats(int[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = values[i];
    }
    return floats;
  }
}
