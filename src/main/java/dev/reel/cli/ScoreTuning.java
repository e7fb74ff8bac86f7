package dev.reel.cli;

import picocli.CommandLine.Option;
import dev.reel.config.ScoringRule;
import dev.reel.config.VectorSource;

/** The scoring options most runs leave at their defaults. */
final class ScoreTuning {
  @Option(names = "--chunk-store-mb", defaultValue = "256", paramLabel = "N",
      description = "Arrow memory per partition for chunks before they spill to disk, MiB (default: ${DEFAULT-VALUE}).")
  double chunkStoreMb;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "Partitions of the chunk stage; 0 = twice the default parallelism (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--dna", paramLabel = "FILE",
      description = "DNA tastes learned by jobs/train-dna (default: see --tastes).")
  String dna;

  @Option(names = "--tastes", defaultValue = "auto", paramLabel = "SOURCE",
      description = "DNA tastes without --dna: auto (learned from the corpus for the reel without a question, each "
          + "token's importance weighted by how much it tells; seeded random beside a question's own gates) or "
          + "random (seeded random tastes and no weighting: the raw, untrained experiment) (default: "
          + "${DEFAULT-VALUE}).")
  dev.reel.config.TasteSource tastes;

  @Option(names = "--gates", defaultValue = "16", paramLabel = "G",
      description = "DNA gates of the corpus, learned or random, when no --dna file is given (default: "
          + "${DEFAULT-VALUE}).")
  int gates;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Seed of the tastes, learned or random (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--gate-threshold", defaultValue = "0.15", paramLabel = "T",
      description = "Cosine similarity that catches a token (default: ${DEFAULT-VALUE}).")
  double gateThreshold;

  @Option(names = "--top-p", defaultValue = "0.9", paramLabel = "P",
      description = "Importance mass each chunk promotes (default: ${DEFAULT-VALUE}).")
  double topP;

  @Option(names = "--chunk-budget", defaultValue = "64", paramLabel = "N",
      description = "Most tokens one chunk promotes (default: ${DEFAULT-VALUE}).")
  int chunkBudget;

  @Option(names = "--ablate", split = ",", paramLabel = "PART",
      description = "Importance parts to switch off, to measure their worth: ${COMPLETION-CANDIDATES}.")
  java.util.Set<dev.reel.config.ImportancePart> ablate = java.util.EnumSet.noneOf(dev.reel.config.ImportancePart.class);

  @Option(names = "--rule", defaultValue = "dna", paramLabel = "RULE",
      description = "Token importance inside a chunk: dna (gravity + attention + relevance) or seed-l2 (the original "
          + "system's baseline: L2 norm of the token's raw static embedding, nothing else; takes no --ablate) "
          + "(default: ${DEFAULT-VALUE}).")
  ScoringRule rule;

  @Option(names = "--vectors", defaultValue = "static", paramLabel = "SOURCE",
      description = "Vectors of in-chunk attention: static (one per vocabulary entry) or contextual (MiniLM run over "
          + "each chunk, over ten times slower); DNA gates stay static (default: ${DEFAULT-VALUE}).")
  VectorSource vectors;

  @Option(names = "--backend", defaultValue = "auto", paramLabel = "BACKEND",
      description = "Compute backend of chunk scoring and the final pass's attention: auto (CUDA where it can run, "
          + "else the CPU), cpu or cuda (falls back to the CPU where CUDA cannot run, and says so in the log and in "
          + "metrics.json) (default: ${DEFAULT-VALUE}).")
  dev.reel.config.Backend backend;
}
