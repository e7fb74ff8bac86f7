package dev.reel.model;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives a static token-vector table from the transformer once: each vocabulary entry is run through the model
 * as {@code [CLS] token [SEP]} and its output vector kept. Encoding 10 M tokens contextually takes about 18 minutes
 * on 2 cores (--vectors contextual); the table takes seconds to look up. The table is cached on disk, keyed by model and vocabulary.
 */
public final class StaticVectorTable {
  private static final Logger LOG = LoggerFactory.getLogger(StaticVectorTable.class);
  private static final int MAGIC = 0x52454c56; // "RELV"
  private static final int BATCH = 512;

  /** Tables read in this JVM, by file: jobs run one after another in one JVM (eval, tests) read each once. */
  private static final Map<Path, TokenVectors> LOADED = new ConcurrentHashMap<>();

  private StaticVectorTable() {}

  /**
   * Loads the cached table for this model, building and caching it first when absent. The table is read-only
   * once loaded, so every caller in the JVM shares one copy.
   */
  public static synchronized TokenVectors load(ModelFiles files, Vocabulary vocabulary, Path cacheDir)
      throws IOException {
    Path cached = cacheDir.resolve("vectors").resolve(files.modelName() + "-v" + vocabulary.size() + "-"
        + vocabulary.fingerprint() + ".f32");
    if (!Files.isRegularFile(cached)) {
      long start = System.nanoTime();
      float[] raw = build(files.onnxModel(), vocabulary);
      write(cached, vocabulary.size(), raw);
      LOG.info("model: derived {} static token vectors from {} in {} s, cached at {}", vocabulary.size(),
          files.modelName(), String.format("%.1f", (System.nanoTime() - start) / 1e9), cached);
    }
    TokenVectors loaded = LOADED.get(cached.toAbsolutePath());
    if (loaded == null) {
      loaded = read(cached);
      LOADED.put(cached.toAbsolutePath(), loaded);
    }
    return loaded;
  }

  private static float[] build(Path onnx, Vocabulary vocabulary) throws IOException {
    Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
        .optModelPath(onnx).optEngine(ModelFiles.ONNX_ENGINE).build();
    int vocab = vocabulary.size();
    float[] table = null;
    int dims = 0;
    try (ZooModel<NDList, NDList> model = criteria.loadModel();
         Predictor<NDList, NDList> predictor = model.newPredictor();
         NDManager manager = NDManager.newBaseManager(ModelFiles.ONNX_ENGINE)) {
      for (int from = 0; from < vocab; from += BATCH) {
        int n = Math.min(BATCH, vocab - from);
        try (NDManager batch = manager.newSubManager()) {
          float[] out = predictor.predict(singleTokenInputs(batch, vocabulary, from, n)).get(0).toFloatArray();
          if (table == null) {
            dims = out.length / (n * 3);
            table = new float[vocab * dims];
          }
          for (int i = 0; i < n; i++) {
            System.arraycopy(out, (i * 3 + 1) * dims, table, (from + i) * dims, dims);
          }
        }
      }
    } catch (ModelNotFoundException | MalformedModelException | TranslateException | RuntimeException e) {
      throw new IOException("model: cannot run the ONNX model " + onnx + " over the tokenizer's " + vocab
          + " entries (does --tokenizer match --model?): " + e.getMessage(), e);
    }
    return table;
  }

  private static NDList singleTokenInputs(NDManager manager, Vocabulary vocabulary, int from, int n) {
    long[] ids = new long[n * 3];
    for (int i = 0; i < n; i++) {
      ids[i * 3] = vocabulary.clsId();
      ids[i * 3 + 1] = from + i;
      ids[i * 3 + 2] = vocabulary.sepId();
    }
    long[] ones = new long[n * 3];
    Arrays.fill(ones, 1);
    NDArray inputIds = manager.create(ids, new Shape(n, 3));
    inputIds.setName("input_ids");
    NDArray mask = manager.create(ones, new Shape(n, 3));
    mask.setName("attention_mask");
    NDArray types = manager.create(new long[n * 3], new Shape(n, 3));
    types.setName("token_type_ids");
    return new NDList(inputIds, mask, types);
  }

  private static void write(Path target, int vocab, float[] raw) throws IOException {
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (OutputStream file = Files.newOutputStream(partial);
         DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 20))) {
      out.writeInt(MAGIC);
      out.writeInt(vocab);
      out.writeInt(raw.length / vocab);
      for (float v : raw) {
        out.writeFloat(v);
      }
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static TokenVectors read(Path cached) throws IOException {
    try (InputStream file = Files.newInputStream(cached);
         DataInputStream in = new DataInputStream(new BufferedInputStream(file, 1 << 20))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("model: " + cached + " is not a token-vector table; delete it to rebuild");
      }
      int vocab = in.readInt();
      int dims = in.readInt();
      float[] raw = new float[vocab * dims];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = in.readFloat();
      }
      return TokenVectors.centredUnit(vocab, dims, raw);
    }
  }
}
