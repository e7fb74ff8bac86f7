package dev.reel.score.cpu;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.reel.score.AlphaShortlist;
import dev.reel.score.AttentionReach;
import dev.reel.score.AttentionKernel;
import dev.reel.score.AttentionResult;
import dev.reel.score.Similarities;

/**
 * Bidirectional attention inside a chunk under the alpha slider, on the PyTorch engine. Queries go in blocks; each
 * block's key list is a band around it (masked to each query's window) followed by the chunk's shared keys (masked
 * where the window already holds them); one softmax covers both. At alpha = 0 the band is the whole chunk: exactly
 * dense attention. Logits are {@code q.k / temperature - |i - j| / locality}; a token never attends to itself when
 * {@code maskSelf}.
 *
 * <p>The distance penalty gives every query a reach ({@link AttentionReach}): a key farther than it gets less than
 * 2^-44 of the query's attention, below what a float sum can hold. Keys past the reach are masked: their
 * exponentials are exact zeros rather than denormals, which the CPU multiplies a hundred times slower, and a dense
 * sequence longer than four reaches (the final pass's buffer) attends in reach-wide bands instead of n x n. Up to
 * float rounding, that is still dense attention.
 *
 * <p>Blocks are gathered in Java and sent as one batch, so a chunk costs a handful of native calls whatever its
 * number of blocks (with 64 keys per query the calls, not the arithmetic, would dominate). Not thread-safe (it
 * reuses buffers): one per scorer.
 */
public final class TorchShortlistAttention {
  /** Dense blocks hold about this many logits at once. */
  private static final long DENSE_BLOCK_LOGITS = 1L << 20;
  /** A batch of blocks holds about this many logits. */
  private static final long BATCH_LOGITS = 1L << 20;
  private static final float MASKED = -1e9f;
  /**
   * Weight rows go to the native product in groups of this many (zero rows pad the last group), so a question's
   * attention received is computed by the same kernel shape, bit for bit, whether it is scored alone or in a batch.
   */
  static final int WEIGHT_ROWS = 8;

  /** Upload slots: one per array alive at the same time. */
  private enum Slot { DENSE_KEYS, DENSE_VALUES, QUERIES, KEYS, VALUES, BIAS, WEIGHTS }

  private final AlphaShortlist shortlist;
  private final float temperature;
  private final float locality;
  private final boolean maskSelf;
  private final DirectUploads uploads = new DirectUploads(Slot.values().length);
  private final float[][] scratch = new float[Slot.values().length][0];
  /** Dense batches' biases kept, by chunk length and blocks: full chunks all share one. */
  private static final int DENSE_BIASES = 4;
  private final Map<List<Integer>, float[]> denseBiases = new HashMap<>();

  /** This kernel as an {@link AttentionKernel} with its own PyTorch manager, closed with it. */
  public AttentionKernel owningManager() {
    NDManager manager = NDManager.newBaseManager("PyTorch");
    return new AttentionKernel() {
      @Override
      public AttentionResult attend(float[] rows, float[] values, int n, int dims, float[] gravity, float[] weights) {
        try (NDManager scope = manager.newSubManager()) {
          return TorchShortlistAttention.this.attend(scope, rows, values, n, dims, gravity, weights);
        }
      }

      @Override
      public double[] similarities(float[] kept, int n, float[] question, int width, int dims) {
        return Similarities.dots(kept, n, question, width, dims);
      }

      @Override
      public void close() {
        manager.close();
      }
    };
  }

  /** {@code locality <= 0} turns the distance penalty off. */
  public TorchShortlistAttention(AlphaShortlist shortlist, float temperature, float locality, boolean maskSelf) {
    this.shortlist = shortlist;
    this.temperature = temperature;
    this.locality = locality;
    this.maskSelf = maskSelf;
  }

  /** The geometry of one chunk's blocks: {@code width} key columns per block, band first, then shared keys. */
  private record Layout(int n, int half, int reach, int[] shared, boolean dense, int block, int width, int blocks) {
    int start(int b) {
      return b * block;
    }

    int end(int b) {
      return Math.min(n, (b + 1) * block);
    }

    int lo(int b) {
      return dense ? 0 : Math.max(0, start(b) - half);
    }

    int hi(int b) {
      return dense ? n : Math.min(n, end(b) + half);
    }
  }

  /**
   * Attends within one chunk. {@code rows} are the rotated query/key vectors {@code [n][dims]}; {@code values} the
   * value rows or null to skip the output; {@code gravity} picks the shared wells; {@code weights} weigh each
   * query's contribution to the attention received.
   */
  public AttentionResult attend(NDManager scope, float[] rows, float[] values, int n, int dims, float[] gravity,
                                float[] weights) {
    float[] output = values == null ? null : new float[n * dims];
    float[][] received = attend(scope, rows, values, n, dims, gravity, new float[][] {weights}, output);
    return new AttentionResult(received[0], output, shortlist.keys(n));
  }

  /**
   * The attention each token receives under each row of {@code weights} (one per question), from one softmax: the
   * probabilities do not depend on the weights, only the layout on {@code gravity}.
   */
  public float[][] received(NDManager scope, float[] rows, int n, int dims, float[] gravity, float[][] weights) {
    return attend(scope, rows, null, n, dims, gravity, weights, null);
  }

  /** Whether a chunk of {@code n} tokens attends densely: then its layout is the same for any gravity. */
  public boolean isDense(int n) {
    return shortlist.isDense(n);
  }

  private float[][] attend(NDManager scope, float[] rows, float[] values, int n, int dims, float[] gravity,
                           float[][] weights, float[] output) {
    float[][] received = new float[weights.length][n];
    if (n < 2) {
      return received;
    }
    Layout layout = layout(n, gravity,
        AttentionReach.of(AttentionReach.maxSquaredNorm(rows, n, dims), temperature, locality));
    NDArray denseKeysT = null;
    NDArray denseValues = null;
    if (layout.dense) {
      denseKeysT = uploads.upload(scope, Slot.DENSE_KEYS.ordinal(), rows, 0, n * dims, new Shape(1, n, dims))
          .transpose(0, 2, 1);
      denseValues = values == null ? null
          : uploads.upload(scope, Slot.DENSE_VALUES.ordinal(), values, 0, n * dims, new Shape(1, n, dims));
    }
    int perBatch = (int) Math.max(1, BATCH_LOGITS / ((long) layout.block * layout.width));
    for (int first = 0; first < layout.blocks; first += perBatch) {
      int count = Math.min(perBatch, layout.blocks - first);
      try (NDManager step = scope.newSubManager()) {
        batch(step, layout, first, count, rows, values, dims, weights, denseKeysT, denseValues, received, output);
      }
    }
    return received;
  }

  private Layout layout(int n, float[] gravity, int reach) {
    // Dense attention past four reaches is a band of one reach each side: the keys beyond it are masked anyway.
    boolean banded = shortlist.isDense(n) && n > 4L * reach;
    boolean dense = shortlist.isDense(n) && !banded;
    int half = banded ? reach : shortlist.halfWindow(n);
    int[] shared = banded ? new int[0] : shortlist.sharedKeys(n, gravity);
    int block = dense ? (int) Math.max(1, Math.min(n, DENSE_BLOCK_LOGITS / n))
        : Math.min(n, 2 * half); // a band of 4 half-windows: every block wastes the same share, whatever C
    int width = dense ? n : Math.min(n, block + 2 * half) + shared.length;
    return new Layout(n, half, reach, shared, dense, block, width, (n + block - 1) / block);
  }

  private void batch(NDManager step, Layout layout, int first, int count, float[] rows, float[] values, int dims,
                     float[][] weights, NDArray denseKeysT, NDArray denseValues, float[][] received, float[] output) {
    int block = layout.block;
    int width = layout.width;
    int questions = (weights.length + WEIGHT_ROWS - 1) / WEIGHT_ROWS * WEIGHT_ROWS;
    int[] columns = new int[count * width];
    float[] queries = zeroed(Slot.QUERIES, count * block * dims);
    float[] bias = layout.dense ? denseBias(layout, first, count) : zeroed(Slot.BIAS, count * block * width);
    float[] queryWeights = zeroed(Slot.WEIGHTS, count * questions * block);
    float[] keys = layout.dense ? null : zeroed(Slot.KEYS, count * width * dims);
    float[] blockValues = layout.dense || values == null ? null : zeroed(Slot.VALUES, count * width * dims);
    for (int b = 0; b < count; b++) {
      int blockIndex = first + b;
      int[] blockColumns = columns(layout, blockIndex);
      System.arraycopy(blockColumns, 0, columns, b * width, width);
      for (int i = layout.start(blockIndex); i < layout.end(blockIndex); i++) {
        int row = b * block + i - layout.start(blockIndex);
        for (int k = 0; k < dims; k++) {
          queries[row * dims + k] = rows[i * dims + k] / temperature;
        }
        for (int q = 0; q < weights.length; q++) {
          int group = q / WEIGHT_ROWS;
          queryWeights[((group * count + b) * WEIGHT_ROWS + q % WEIGHT_ROWS) * block + i - layout.start(blockIndex)]
              = weights[q][i];
        }
        if (!layout.dense) {
          biasRow(layout, blockIndex, i, blockColumns, bias, row * width);
        }
      }
      if (keys != null) {
        gatherRows(rows, blockColumns, dims, keys, b * width * dims);
        if (blockValues != null) {
          gatherRows(values, blockColumns, dims, blockValues, b * width * dims);
        }
      }
    }
    NDArray keysT = layout.dense ? denseKeysT
        : uploads.upload(step, Slot.KEYS.ordinal(), keys, 0, count * width * dims, new Shape(count, width, dims))
            .transpose(0, 2, 1);
    NDArray probabilities = uploads.upload(step, Slot.QUERIES.ordinal(), queries, 0, count * block * dims,
            new Shape(count, block, dims)).matMul(keysT)
        .add(uploads.upload(step, Slot.BIAS.ordinal(), bias, 0, count * block * width, new Shape(count, block, width)))
        .softmax(2);
    // [count][8][block] x [count][block][width] per group of weight rows: every question's attention received from
    // one softmax, by a product whose shape (and so each row's bits) never depends on the batch.
    int groupLength = count * WEIGHT_ROWS * block;
    for (int group = 0; group * WEIGHT_ROWS < weights.length; group++) {
      float[] toKeys = uploads.upload(step, Slot.WEIGHTS.ordinal(), queryWeights, group * groupLength, groupLength,
          new Shape(count, WEIGHT_ROWS, block)).matMul(probabilities).toFloatArray();
      for (int b = 0; b < count; b++) {
        for (int q = group * WEIGHT_ROWS; q < Math.min(weights.length, (group + 1) * WEIGHT_ROWS); q++) {
          float[] into = received[q];
          int at = (b * WEIGHT_ROWS + q % WEIGHT_ROWS) * width;
          for (int c = 0; c < width; c++) {
            int column = columns[b * width + c];
            if (column >= 0) {
              into[column] += toKeys[at + c];
            }
          }
        }
      }
    }
    if (output != null) {
      NDArray valueRows = layout.dense ? denseValues : uploads.upload(step, Slot.VALUES.ordinal(), blockValues, 0,
          count * width * dims, new Shape(count, width, dims));
      float[] out = probabilities.matMul(valueRows).toFloatArray();
      for (int b = 0; b < count; b++) {
        int start = layout.start(first + b);
        int rowsInBlock = layout.end(first + b) - start;
        System.arraycopy(out, b * block * dims, output, start * dims, rowsInBlock * dims);
      }
    }
  }

  /**
   * The bias of a dense batch: it depends on the chunk length and the batch's blocks only (every column is a key of
   * the chunk, none shared), so full chunks reuse one array instead of rebuilding it for each.
   */
  private float[] denseBias(Layout layout, int first, int count) {
    List<Integer> key = List.of(layout.n, layout.reach, first, count);
    float[] bias = denseBiases.get(key);
    if (bias == null) {
      // A dense row is the penalty of |i - j| for every key j: a window of one line of distances, copied.
      int n = layout.n;
      float[] line = new float[2 * n - 1];
      for (int k = 0; k < line.length; k++) {
        line[k] = penalty(Math.abs(k - (n - 1)), layout.reach);
      }
      bias = new float[count * layout.block * layout.width];
      for (int b = 0; b < count; b++) {
        for (int i = layout.start(first + b); i < layout.end(first + b); i++) {
          int at = (b * layout.block + i - layout.start(first + b)) * layout.width;
          System.arraycopy(line, n - 1 - i, bias, at, n);
          if (maskSelf) {
            bias[at + i] = MASKED;
          }
        }
      }
      if (denseBiases.size() >= DENSE_BIASES) {
        denseBiases.clear();
      }
      denseBiases.put(key, bias);
    }
    return bias;
  }

  /** Key index of each column of a block: its band, then the shared keys, then -1 padding. */
  private static int[] columns(Layout layout, int b) {
    int[] columns = new int[layout.width];
    Arrays.fill(columns, -1);
    int c = 0;
    for (int j = layout.lo(b); j < layout.hi(b); j++) {
      columns[c++] = j;
    }
    for (int s : layout.shared) {
      columns[c++] = s;
    }
    return columns;
  }

  /**
   * Distance penalty of query {@code i} to each column; masked: padding, band keys outside its window, shared keys
   * inside it (the band already holds them), and itself. The band part is one masked fill plus the window's
   * penalties, with no per-column branching: this row is built for every query of every chunk.
   */
  private void biasRow(Layout layout, int b, int i, int[] columns, float[] bias, int at) {
    int lo = layout.lo(b);
    int bandColumns = layout.hi(b) - lo;
    Arrays.fill(bias, at, at + columns.length, MASKED);
    int from = Math.max(lo, i - layout.half);
    int to = Math.min(layout.hi(b) - 1, i + layout.half);
    for (int j = from; j <= to; j++) {
      bias[at + j - lo] = penalty(Math.abs(i - j), layout.reach);
    }
    if (maskSelf) {
      bias[at + i - lo] = MASKED;
    }
    for (int c = bandColumns; c < columns.length && columns[c] >= 0; c++) {
      int distance = Math.abs(i - columns[c]);
      if (distance > layout.half) {
        bias[at + c] = penalty(distance, layout.reach);
      }
    }
  }

  private float penalty(int distance, int reach) {
    if (distance > reach) {
      return MASKED;
    }
    return locality > 0 ? -distance / locality : 0f;
  }

  private static void gatherRows(float[] rows, int[] columns, int dims, float[] out, int at) {
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] >= 0) {
        System.arraycopy(rows, columns[c] * dims, out, at + c * dims, dims);
      }
    }
  }

  /** A scratch array of at least {@code length} floats, zeroed there; uploads copy it before the next batch. */
  private float[] zeroed(Slot slot, int length) {
    float[] array = scratch[slot.ordinal()];
    if (array.length < length) {
      array = new float[length];
      scratch[slot.ordinal()] = array;
    } else {
      Arrays.fill(array, 0, length, 0f);
    }
    return array;
  }
}
