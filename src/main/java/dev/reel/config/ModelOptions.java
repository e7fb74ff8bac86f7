package dev.reel.config;

import java.io.Serializable;

/**
 * Where the tokenizer and the embedding model come from. Both default to all-MiniLM-L6-v2 as shipped inside its
 * Maven artifact; nothing is ever downloaded. Paths are strings so the record can travel to executors; the CLI checks
 * that the files exist, once, on the driver (Java runs a record's constructor again when it deserializes one, on
 * executors that may not have the driver's files).
 *
 * @param tokenizer a tokenizer.json, or null for MiniLM's
 * @param model     an ONNX sentence-transformer model, or null for MiniLM's
 * @param cacheDir  where the extracted model files and the derived token-vector table are kept between runs
 */
public record ModelOptions(String tokenizer, String model, String cacheDir) implements Serializable {
  public ModelOptions {
    Checks.require(cacheDir != null, "--cache-dir is required");
  }
}
