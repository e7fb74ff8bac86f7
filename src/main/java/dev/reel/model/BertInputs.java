package dev.reel.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** The three named inputs of a BERT-shaped ONNX model for one sequence: {@code [CLS] ids [SEP]}, all attended. */
final class BertInputs {
  private BertInputs() {}

  /** Inputs for {@code ids[from, from + count)} wrapped in the special tokens, attached to {@code manager}. */
  static NDList of(NDManager manager, int[] ids, int from, int count, int clsId, int sepId) {
    int length = count + 2;
    long[] tokens = new long[length];
    tokens[0] = clsId;
    for (int i = 0; i < count; i++) {
      tokens[i + 1] = ids[from + i];
    }
    tokens[length - 1] = sepId;
    long[] ones = new long[length];
    Arrays.fill(ones, 1);
    NDArray inputIds = manager.create(tokens, new Shape(1, length));
    inputIds.setName("input_ids");
    NDArray mask = manager.create(ones, new Shape(1, length));
    mask.setName("attention_mask");
    NDArray types = manager.create(new long[length], new Shape(1, length));
    types.setName("token_type_ids");
    return new NDList(inputIds, mask, types);
  }
}
