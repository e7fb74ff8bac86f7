package dev.reel.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.reel.config.ChunkOptions;
import dev.reel.config.IngestOptions;
import dev.reel.config.ModelOptions;
import dev.reel.config.PositionPolicy;
import dev.reel.config.ReelConfig;
import dev.reel.config.ScoreOptions;

/** How a question is asked: the alpha slider, the buffer's budget, chunking, positions, hops and scoring. */
final class AskingOptions {
  @Option(names = "--alpha", defaultValue = "0", paramLabel = "A",
      description = "Attention slider: 0 dense, 0.3 sub-quadratic, 1 linear time (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--buffer-mb", defaultValue = "16", paramLabel = "N",
      description = "Byte budget of the global buffer of kept tokens, in MiB (default: ${DEFAULT-VALUE}).")
  double bufferMb;

  @Option(names = "--chunk-tokens", defaultValue = "512", paramLabel = "N",
      description = "Tokens per chunk (default: ${DEFAULT-VALUE}).")
  int chunkTokens;

  @Option(names = "--positions", defaultValue = "original", paramLabel = "POLICY",
      description = "RoPE positions in the final pass: original (corpus positions) or compact (0..K-1) "
          + "(default: ${DEFAULT-VALUE}).")
  PositionPolicy positions;

  @Option(names = "--hops", defaultValue = "0", paramLabel = "N",
      description = "Ask at most N times, each hop about what the previous one found, so chains such as "
          + "\"VAR B = VAR A\", \"VAR A = 48213\" resolve (default: 0, chosen by the question: up to "
          + ReelConfig.FACT_HOPS + " for a question about facts that chain, such as \"Where is the football?\" or \"What "
          + "is the value of VAR B?\", while the chain needs another hop; else 1).")
  int hops;

  @Mixin
  ScoreTuning tuning = new ScoreTuning();

  /** The job's configuration; {@code ingest} is null when the corpus was prepared. */
  ReelConfig config(IngestOptions ingest, ModelOptions model, String question, String output) {
    RunOptions.requireFile(tuning.dna, "--dna");
    long mib = 1L << 20;
    ChunkOptions chunk = new ChunkOptions(chunkTokens, (long) (tuning.chunkStoreMb * mib), tuning.partitions);
    ScoreOptions score = new ScoreOptions(alpha, tuning.gates, tuning.seed, tuning.gateThreshold, tuning.topP,
        tuning.chunkBudget, tuning.ablate, tuning.dna, tuning.tastes, tuning.rule, tuning.vectors, tuning.backend);
    return new ReelConfig(ingest, model, chunk, score, (long) (bufferMb * mib), question, output, positions, hops);
  }
}
