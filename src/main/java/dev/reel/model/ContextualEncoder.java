package dev.reel.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.nio.file.Path;

/**
 * Runs the ONNX transformer over token ids in context (--vectors contextual): a run of ids is cut into balanced
 * windows of at most {@link #MAX_WINDOW} tokens, each wrapped as {@code [CLS] window [SEP]}, and each token keeps
 * its last-hidden-state row (the raw output, as the static table's rows are before centring).
 *
 * <p>One per scorer (one per task): it holds its own {@link OnnxSession} over the model its JVM shares; closing
 * closes the session. Not thread-safe.
 */
public final class ContextualEncoder implements AutoCloseable {
  /**
   * Position embeddings of all-MiniLM-L6-v2 (BERT's 512): ONNX Runtime fails on a 513-token input with
   * "Attempting to broadcast an axis by a dimension other than 1. 512 by 513" at /embeddings/Add_1.
   */
  public static final int MAX_POSITIONS = 512;
  /** Tokens of one window: the positions left after [CLS] and [SEP]. */
  public static final int MAX_WINDOW = MAX_POSITIONS - 2;

  private final Path onnx;
  private final int dims;
  private final OnnxSession session;

  private ContextualEncoder(Path onnx, int clsId, int sepId, int dims) {
    this.onnx = onnx;
    this.dims = dims;
    this.session = new OnnxSession(onnx, clsId, sepId);
  }

  /**
   * An encoder over the model at {@code onnx} (shared within this JVM) whose rows have {@code dims} values; the
   * caller closes it.
   */
  public static ContextualEncoder open(Path onnx, int clsId, int sepId, int dims) {
    return new ContextualEncoder(onnx, clsId, sepId, dims);
  }

  /**
   * Encodes {@code ids[from, from + count)}, one stretch of one document, into rows {@code [from, from + count)} of
   * {@code out} ({@code [*][dims]}). Windows are balanced (512 tokens go as 256 + 256, not 510 + a stub of 2) so no
   * token is left with only a few neighbours of context.
   */
  public void encode(int[] ids, int from, int count, float[] out) {
    int windows = (count + MAX_WINDOW - 1) / MAX_WINDOW;
    int at = from;
    for (int w = 0; w < windows; w++) {
      int size = count / windows + (w < count % windows ? 1 : 0);
      encodeWindow(ids, at, size, out);
      at += size;
    }
  }

  /** Encodes one window {@code ids[from, from + count)} into rows {@code [from, from + count)} of {@code out}. */
  void encodeWindow(int[] ids, int from, int count, float[] out) {
    if (count + 2 > MAX_POSITIONS) {
      throw new IllegalArgumentException("score: a contextual window of " + count + " tokens plus [CLS] and [SEP] "
          + "exceeds the model's " + MAX_POSITIONS + " positions; expected at most " + MAX_WINDOW + " tokens");
    }
    try (NDManager window = session.scope()) {
      NDArray hidden = lastHiddenState(window, ids, from, count);
      Shape expected = new Shape(1, count + 2, dims);
      if (!hidden.getShape().equals(expected)) {
        throw new IllegalStateException("score: the ONNX model " + onnx + " gave a last hidden state of "
            + hidden.getShape() + " for a window of " + count + " tokens; expected " + expected + " (--model)");
      }
      float[] rows = hidden.toFloatArray();
      System.arraycopy(rows, dims, out, from * dims, count * dims); // row 0 is [CLS]
    }
  }

  /** The model's first output for one window, attached to {@code window}. */
  private NDArray lastHiddenState(NDManager window, int[] ids, int from, int count) {
    try {
      return session.lastHiddenState(window, ids, from, count);
    } catch (TranslateException | RuntimeException e) {
      throw new IllegalStateException("score: the ONNX model " + onnx + " failed on a window of " + count
          + " tokens (+ [CLS], [SEP]; --vectors contextual needs a model of at least " + MAX_POSITIONS
          + " positions): " + e.getMessage(), e);
    }
  }

  public int dims() {
    return dims;
  }

  /** Frees this encoder's predictor and scope and releases the shared model. */
  @Override
  public void close() {
    session.close();
  }
}
