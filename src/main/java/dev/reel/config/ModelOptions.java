package dev.reel.config;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tokenizer and the embedding model come from. Both default to all-MiniLM-L6-v2 as shipped inside its
 * Maven artifact; nothing is ever downloaded. Paths are strings so the record can travel to executors.
 *
 * @param tokenizer a tokenizer.json, or null for MiniLM's
 * @param model     an ONNX sentence-transformer model, or null for MiniLM's
 * @param cacheDir  where the extracted model files and the derived token-vector table are kept between runs
 */
public record ModelOptions(String tokenizer, String model, String cacheDir) implements Serializable {
  public ModelOptions {
    Checks.require(cacheDir != null, "--cache-dir is required");
    Checks.require(tokenizer == null || Files.isRegularFile(Path.of(tokenizer)), "--tokenizer: no such file: " + tokenizer);
    Checks.require(model == null || Files.isRegularFile(Path.of(model)), "--model: no such file: " + model);
  }
}
