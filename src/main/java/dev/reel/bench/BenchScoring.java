package dev.reel.bench;

import java.util.EnumSet;
import dev.reel.config.Backend;
import dev.reel.config.ImportancePart;
import dev.reel.config.ScoreOptions;
import dev.reel.config.ScoringRule;
import dev.reel.config.VectorSource;
import dev.reel.score.DnaGates;
import dev.reel.score.Promoter;
import dev.reel.tokenize.QuestionTokens.Weighted;

/** The scoring settings the kernel benchmarks share: the job's defaults (16 gates, seed 42, top-p 0.9, budget 64). */
final class BenchScoring {
  private BenchScoring() {}

  /** DNA scoring at {@code alpha} on static vectors, every importance part on, the CPU backend. */
  static ScoreOptions options(double alpha) {
    return new ScoreOptions(alpha, 16, 42, 0.15, 0.9, 64, EnumSet.noneOf(ImportancePart.class), null, dev.reel.config.TasteSource.AUTO,
        ScoringRule.DNA, VectorSource.STATIC, Backend.CPU);
  }

  /** The gates {@link #options} names, random tastes, for {@code question}. */
  static DnaGates gates(Weighted question, BenchCorpus corpus) {
    ScoreOptions options = options(0);
    return DnaGates.build(null, options.gates(), options.seed(), (float) options.gateThreshold(), question,
        corpus.vectors, corpus.vocabulary);
  }

  /** The promoter of {@link #options}. */
  static Promoter promoter() {
    ScoreOptions options = options(0);
    return new Promoter(options.topP(), options.chunkBudget());
  }
}
