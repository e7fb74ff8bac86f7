package dev.reel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import dev.reel.config.ModelOptions;

/** The tokenizer, the model and where their derived files go: every subcommand's. */
final class ModelTuning {
  @Option(names = "--tokenizer", paramLabel = "PATH",
      description = "A tokenizer.json (default: all-MiniLM-L6-v2's, bundled).")
  String tokenizer;

  @Option(names = "--model", paramLabel = "PATH",
      description = "An ONNX token-embedding model matching the tokenizer (default: all-MiniLM-L6-v2, bundled).")
  String model;

  @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.cache/highlight-reel",
      description = "Extracted model files, derived token vectors, native libraries (default: ${DEFAULT-VALUE}).")
  Path cacheDir;

  /** The options, with the files checked here, once, on the driver (executors need not see them). */
  ModelOptions options() {
    RunOptions.requireFile(tokenizer, "--tokenizer");
    RunOptions.requireFile(model, "--model");
    return new ModelOptions(tokenizer, model, cacheDir.toString());
  }
}
