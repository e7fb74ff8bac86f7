package dev.reel.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.reel.config.ModelOptions;
import dev.reel.model.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Writes the {@link GpuSample} the GPU bundle carries: real chunks and the CPU backend's results on them. */
@Command(name = "gpu-sample", mixinStandardHelpOptions = true,
    description = "Real chunks scored by the CPU backend, for jobs/gpu-bundle's harness to compare the CUDA backend with.")
final class GpuSampleCommand implements Callable<Integer> {
  @ParentCommand
  BenchCommand parent;

  @Option(names = "--out", defaultValue = "target/gpu-bundle/sample.bin", paramLabel = "FILE",
      description = "Where the sample goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--tokens-per-case", defaultValue = "32768", paramLabel = "N",
      description = "Tokens of each alpha and chunk length compared (default: ${DEFAULT-VALUE}).")
  int tokensPerCase;

  @Option(names = "--speed-tokens", defaultValue = "1048576", paramLabel = "N",
      description = "Real token ids carried for the speed runs, repeated to their sizes (default: ${DEFAULT-VALUE}).")
  int speedTokens;

  @Override
  public Integer call() throws Exception {
    BenchCorpus corpus = new BenchCorpus(parent.corpus, parent.cacheDir);
    ModelFiles files = new ModelFiles(new ModelOptions(null, null, parent.cacheDir.toString()));
    GpuSample sample = GpuSample.build(corpus, files, tokensPerCase, speedTokens);
    sample.write(out);
    System.out.println("gpu-sample: " + sample.cases().size() + " cases, " + corpus.ids.length
        + " corpus tokens, written to " + out);
    return 0;
  }
}
