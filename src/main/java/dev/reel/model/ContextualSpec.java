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
   * The local path of the ONNX model. On the driver: the --model file, or the bundled model extracted into the cache
   * folder. Inside a Spark task nothing comes from the driver's disk: a --model file is the copy the job shipped with
   * {@code addFile}, the bundled model comes out of the application jar into the executor's own Spark directory
   * (once per executor).
   */
  public Path onnxModel() {
    if (TaskContext.get() == null) {
      return new ModelFiles(files).onnxModel();
    }
    if (files.model() != null) {
      return Path.of(SparkFiles.get(Path.of(files.model()).getFileName().toString()));
    }
    return new ModelFiles(new ModelOptions(files.tokenizer(), null, SparkFiles.getRootDirectory())).onnxModel();
  }
}
