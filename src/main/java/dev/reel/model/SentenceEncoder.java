package dev.reel.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sentence vectors from the ONNX model, as sentence-transformers makes them for all-MiniLM-L6-v2: {@code [CLS] text
 * [SEP]} (at most {@link #MAX_TOKENS} text tokens), the last hidden state mean-pooled over every position, then unit
 * length. One text per model call: no padding, so a text's vector never depends on what else was encoded with it
 * (the fp32 model is batch-invariant anyway; the int8 one is not, see ARCHITECTURE.md).
 *
 * <p>Since a text's vector depends on the text alone, the last {@link #CACHED} texts' vectors are kept: questions asked
 * over the same corpus compare many of the same sentences. Holds its own {@link OnnxSession} over the model its JVM
 * shares; the caller closes it. Not thread-safe.
 */
public final class SentenceEncoder implements AutoCloseable {
  /** sentence-transformers' max_seq_length for all-MiniLM-L6-v2: longer texts are cut. */
  public static final int MAX_TOKENS = 254;

  /** Sentence vectors kept, least recently used dropped first: 384 floats each, about 25 MB in all. */
  static final int CACHED = 16_384;

  private final Path onnx;
  private final OnnxSession session;
  private final Map<IntBuffer, float[]> cache = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<IntBuffer, float[]> eldest) {
      return size() > CACHED;
    }
  };

  private SentenceEncoder(Path onnx, int clsId, int sepId) {
    this.onnx = onnx;
    this.session = new OnnxSession(onnx, clsId, sepId);
  }

  /** An encoder over the model at {@code onnx}; the caller closes it. */
  public static SentenceEncoder open(Path onnx, Vocabulary vocabulary) {
    return new SentenceEncoder(onnx, vocabulary.clsId(), vocabulary.sepId());
  }

  /** The unit-length sentence vector of a text given as token ids (no special tokens; cut at MAX_TOKENS). */
  public float[] encode(int[] ids) {
    int count = Math.min(ids.length, MAX_TOKENS);
    IntBuffer key = IntBuffer.wrap(Arrays.copyOf(ids, count));
    float[] known = cache.get(key);
    if (known == null) {
      known = compute(ids, count);
      cache.put(key, known);
    }
    return known.clone();
  }

  private float[] compute(int[] ids, int count) {
    try (NDManager call = session.scope()) {
      NDArray hidden = session.lastHiddenState(call, ids, 0, count);
      if (hidden.getShape().dimension() != 3 || hidden.getShape().get(1) != count + 2) {
        throw new IllegalStateException("reason: the ONNX model " + onnx + " gave a last hidden state of "
            + hidden.getShape() + " for " + (count + 2) + " tokens; expected (1, " + (count + 2) + ", dims) (--model)");
      }
      return unit(hidden.mean(new int[] {1}).toFloatArray());
    } catch (TranslateException e) {
      throw new IllegalStateException("reason: the ONNX model " + onnx + " failed on a text of " + count
          + " tokens: " + e.getMessage(), e);
    }
  }

  /** Cosine of two unit vectors. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static float[] unit(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  /** Frees this encoder's predictor and scope and releases the shared model. */
  @Override
  public void close() {
    session.close();
  }
}
