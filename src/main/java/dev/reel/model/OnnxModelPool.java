package dev.reel.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX models of this JVM, shared by the tasks that use them at the same time: the first lease loads a model,
 * the last lease to close closes it. A job's tasks overlap, so an executor loads the model about once per stage,
 * and nothing outlives the tasks that used it. ONNX Runtime sessions are thread-safe; each task makes its own
 * predictor.
 */
final class OnnxModelPool {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxModelPool.class);
  /**
   * One ONNX Runtime thread per Spark task, as for PyTorch (RuntimeSettings): task slots are the parallelism, and a
   * fixed thread count keeps float sums, and so scores, reproducible.
   */
  private static final String THREADS = "1";
  private static final Map<Path, Shared> MODELS = new HashMap<>();

  private OnnxModelPool() {}

  /** A model with its count of open leases. */
  private static final class Shared {
    final ZooModel<NDList, NDList> model;
    int leases;

    Shared(ZooModel<NDList, NDList> model) {
      this.model = model;
    }
  }

  /** A lease on the model at {@code onnx}, loaded if no lease holds it; the caller closes the lease. */
  static synchronized Lease acquire(Path file) {
    Path onnx = file.toAbsolutePath().normalize();
    Shared shared = MODELS.get(onnx);
    if (shared == null) {
      long start = System.nanoTime();
      shared = new Shared(load(onnx));
      MODELS.put(onnx, shared);
      LOG.debug("model: loaded {} for contextual vectors in {} ms", onnx, (System.nanoTime() - start) / 1_000_000);
    }
    shared.leases++;
    return new Lease(onnx, shared.model);
  }

  private static synchronized void release(Path onnx) {
    Shared shared = MODELS.get(onnx);
    if (--shared.leases == 0) {
      MODELS.remove(onnx);
      shared.model.close();
      LOG.debug("model: closed {}: its last lease closed", onnx);
    }
  }

  private static ZooModel<NDList, NDList> load(Path onnx) {
    Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
        .optModelPath(onnx).optEngine(ModelFiles.ONNX_ENGINE)
        .optOption("interOpNumThreads", THREADS).optOption("intraOpNumThreads", THREADS).build();
    try {
      return criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException e) {
      throw new IllegalStateException("score: cannot load the ONNX model " + onnx
          + " for contextual vectors (--model, --vectors contextual): " + e.getMessage(), e);
    }
  }

  /** One holder's use of a shared model; closing it (once) releases the model. */
  static final class Lease implements AutoCloseable {
    private final Path onnx;
    private final ZooModel<NDList, NDList> model;
    private boolean closed;

    private Lease(Path onnx, ZooModel<NDList, NDList> model) {
      this.onnx = onnx;
      this.model = model;
    }

    ZooModel<NDList, NDList> model() {
      return model;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        release(onnx);
      }
    }
  }
}
