package dev.reel.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sentence vectors from the ONNX model, as sentence-transformers makes them for all-MiniLM-L6-v2: {@code [CLS] text
 * [SEP]} (at most {@link #MAX_TOKENS} text tokens), the last hidden state mean-pooled over every position, then unit
 * length. Texts share a model call only with texts of their own length: no padding, so a text's vector never depends
 * on what else was encoded with it (the int8 model would not be batch-invariant even so, see ARCHITECTURE.md).
 *
 * <p>Vectors are kept in a {@link SentenceCache}, its own or one that encoders working at once share. Holds its own
 * {@link OnnxSession} over the model its JVM shares; the caller closes it. Not thread-safe.
 */
public final class SentenceEncoder implements AutoCloseable {
  /** sentence-transformers' max_seq_length for all-MiniLM-L6-v2: longer texts are cut. */
  public static final int MAX_TOKENS = 254;

  /** Texts of one length per model call at most: bounds the call's hidden states (32 x 256 x 384 floats). */
  static final int BATCH = 32;

  private final Path onnx;
  private final OnnxSession session;
  private final SentenceCache cache;

  private SentenceEncoder(Path onnx, int clsId, int sepId, SentenceCache cache) {
    this.onnx = onnx;
    this.cache = cache;
    this.session = new OnnxSession(onnx, clsId, sepId);
  }

  /** An encoder over the model at {@code onnx}, with a cache of its own; the caller closes it. */
  public static SentenceEncoder open(Path onnx, Vocabulary vocabulary) {
    return open(onnx, vocabulary, new SentenceCache());
  }

  /** An encoder over the model at {@code onnx} keeping its vectors in {@code cache}; the caller closes it. */
  public static SentenceEncoder open(Path onnx, Vocabulary vocabulary, SentenceCache cache) {
    return new SentenceEncoder(onnx, vocabulary.clsId(), vocabulary.sepId(), cache);
  }

  /** The unit-length sentence vector of a text given as token ids (no special tokens; cut at MAX_TOKENS). */
  public float[] encode(int[] ids) {
    return encodeAll(List.of(ids)).get(0);
  }

  /**
   * The vectors of several texts, in their order. Texts of one length go to the model together, at most
   * {@link #BATCH} at a time: rows of one length need no padding, so each vector is bit for bit the one its text gets
   * alone (checked by SentenceEncoderTest), and one call for many short texts costs less than one each.
   */
  public List<float[]> encodeAll(List<int[]> texts) {
    float[][] vectors = new float[texts.size()][];
    Map<Integer, Map<IntBuffer, List<Integer>>> missing = new TreeMap<>();
    for (int t = 0; t < texts.size(); t++) {
      int[] ids = texts.get(t);
      IntBuffer key = IntBuffer.wrap(Arrays.copyOf(ids, Math.min(ids.length, MAX_TOKENS)));
      float[] known = cache.get(key);
      if (known != null) {
        vectors[t] = known;
      } else {
        missing.computeIfAbsent(key.capacity(), k -> new LinkedHashMap<>())
            .computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      }
    }
    for (Map.Entry<Integer, Map<IntBuffer, List<Integer>>> length : missing.entrySet()) {
      List<IntBuffer> keys = new ArrayList<>(length.getValue().keySet());
      for (int from = 0; from < keys.size(); from += BATCH) {
        List<IntBuffer> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
        List<float[]> computed = compute(batch.stream().map(IntBuffer::array).toList(), length.getKey());
        for (int b = 0; b < batch.size(); b++) {
          cache.put(batch.get(b), computed.get(b));
          for (int t : length.getValue().get(batch.get(b))) {
            vectors[t] = computed.get(b).clone();
          }
        }
      }
    }
    return Arrays.asList(vectors);
  }

  private List<float[]> compute(List<int[]> texts, int count) {
    try (NDManager call = session.scope()) {
      NDArray hidden = session.lastHiddenStates(call, texts, count);
      Shape shape = hidden.getShape();
      if (shape.dimension() != 3 || shape.get(0) != texts.size() || shape.get(1) != count + 2) {
        throw new IllegalStateException("reason: the ONNX model " + onnx + " gave a last hidden state of " + shape
            + " for " + texts.size() + " texts of " + (count + 2) + " tokens; expected (" + texts.size() + ", "
            + (count + 2) + ", dims) (--model)");
      }
      float[] means = hidden.mean(new int[] {1}).toFloatArray();
      int dims = means.length / texts.size();
      List<float[]> vectors = new ArrayList<>(texts.size());
      for (int t = 0; t < texts.size(); t++) {
        vectors.add(unit(Arrays.copyOfRange(means, t * dims, (t + 1) * dims)));
      }
      return vectors;
    } catch (TranslateException e) {
      throw new IllegalStateException("reason: the ONNX model " + onnx + " failed on " + texts.size() + " texts of "
          + count + " tokens: " + e.getMessage(), e);
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
