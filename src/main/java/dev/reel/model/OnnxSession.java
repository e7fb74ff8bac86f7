package dev.reel.model;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One holder's use of a BERT-shaped ONNX model its JVM shares ({@link OnnxModelPool}): a predictor and an NDManager
 * over it, and what both encoders ask of it, the last hidden state of {@code [CLS] ids [SEP]}. The caller closes it;
 * closing frees the manager and the predictor, then releases the model. Not thread-safe.
 */
final class OnnxSession implements AutoCloseable {
  private final int clsId;
  private final int sepId;
  private final OnnxModelPool.Lease lease;
  private final Predictor<NDList, NDList> predictor;
  private final NDManager manager;

  OnnxSession(Path onnx, int clsId, int sepId) {
    this.clsId = clsId;
    this.sepId = sepId;
    this.lease = OnnxModelPool.acquire(onnx);
    try {
      this.predictor = lease.model().newPredictor();
      this.manager = NDManager.newBaseManager(ModelFiles.ONNX_ENGINE);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** A scope for one call's arrays; the caller closes it. */
  NDManager scope() {
    return manager.newSubManager();
  }

  /**
   * The model's first output (the last hidden state, {@code [1, count + 2, dims]}) for {@code [CLS] ids[from, from +
   * count) [SEP]}, every position attended, attached to {@code scope}.
   */
  NDArray lastHiddenState(NDManager scope, int[] ids, int from, int count) throws TranslateException {
    NDList outputs = predictor.predict(inputs(scope, ids, from, count));
    outputs.attach(scope);
    return outputs.get(0);
  }

  /**
   * The same for several texts of one length, {@code [texts, length + 2, dims]}: no padding, so every position of
   * every row is attended, as it is alone.
   */
  NDArray lastHiddenStates(NDManager scope, List<int[]> texts, int length) throws TranslateException {
    NDList outputs = predictor.predict(inputs(scope, texts, length));
    outputs.attach(scope);
    return outputs.get(0);
  }

  private NDList inputs(NDManager scope, int[] ids, int from, int count) {
    return inputs(scope, List.of(Arrays.copyOfRange(ids, from, from + count)), count);
  }

  private NDList inputs(NDManager scope, List<int[]> texts, int count) {
    int length = count + 2;
    long[] tokens = new long[texts.size() * length];
    for (int t = 0; t < texts.size(); t++) {
      int[] ids = texts.get(t);
      tokens[t * length] = clsId;
      for (int i = 0; i < count; i++) {
        tokens[t * length + i + 1] = ids[i];
      }
      tokens[t * length + length - 1] = sepId;
    }
    long[] ones = new long[tokens.length];
    Arrays.fill(ones, 1);
    Shape shape = new Shape(texts.size(), length);
    NDArray inputIds = scope.create(tokens, shape);
    inputIds.setName("input_ids");
    NDArray mask = scope.create(ones, shape);
    mask.setName("attention_mask");
    NDArray types = scope.create(new long[tokens.length], shape);
    types.setName("token_type_ids");
    return new NDList(inputIds, mask, types);
  }

  /** Closes in reverse order of creation: the manager, the predictor, then the lease on the shared model. */
  @Override
  public void close() {
    try {
      manager.close();
      predictor.close();
    } finally {
      lease.close();
    }
  }
}
