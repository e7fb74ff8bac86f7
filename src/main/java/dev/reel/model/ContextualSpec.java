package dev.reel.model;

import java.io.Serializable;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import dev.reel.config.ModelOptions;

/**
 * What an executor needs to encode chunks in context (--vectors contextual): where the ONNX model is (found again
 * on the executor through {@link ModelFiles}), the special tokens that wrap each window, and the static table's
 * attention projection.
 *
 * @param files      the job's model options (the same ONNX file the static table was derived from)
 * @param clsId      [CLS], opening each window
 * @param sepId      [SEP], closing each window
 * @param projection raw rows to the attention space of the static table
 */
public record ContextualSpec(ModelOptions files, int clsId, int sepId, AttentionProjection projection)
    implements Serializable {
  public ContextualSpec {
    if (files == null || projection == null) {
      throw new IllegalArgumentException("contextual vectors need the model options and the attention projection");
    }
  }

  /**
   * The local path of the ONNX model. Inside a Spark task the bundled model comes out of the application jar into
   * the executor's own Spark directory (once per executor), never into the driver's --cache-dir path, which need not
   * exist on the executor's machine; on the driver it is extracted into the cache folder. A --model file is read where
   * it was given.
   */
  public Path onnxModel() {
    boolean executorCopy = files.model() == null && TaskContext.get() != null;
    ModelOptions where = executorCopy ? new ModelOptions(files.tokenizer(), null, SparkFiles.getRootDirectory())
        : files;
    return new ModelFiles(where).onnxModel();
  }
}
